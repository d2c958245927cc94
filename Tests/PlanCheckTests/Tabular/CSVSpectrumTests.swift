import Foundation
import Testing
@testable import PlanCheck

/// The csv-spectrum suite (../shared/testdata/csv-spectrum, never copied into the repository):
/// each csvs/NAME.csv must load, with no configuration, to the records in json/NAME.json.
private let csvSpectrumFolder: String? = SharedTestData.path("testdata/csv-spectrum/csvs").map(FileSystem.directory(of:))

@Suite(.enabled(if: csvSpectrumFolder != nil, "csv-spectrum is absent (set PLANCHECK_SHARED or place shared/ beside the repository): skipped"))
struct CSVSpectrumTests {
    static var folder: String? { csvSpectrumFolder }

    static var cases: [String] {
        guard let folder else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/csvs")) ?? [])
            .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func suiteIsComplete() throws {
        #expect(Self.cases.count >= 12, "csv-spectrum at \(Self.folder ?? "?") has \(Self.cases.count) cases")
    }

    @Test(arguments: cases)
    func loadsToExpectedRecords(_ name: String) throws {
        let folder = try #require(Self.folder)
        let csvPath = folder + "/csvs/\(name).csv"
        let document = try DatasetLoader.load(path: csvPath)
        let rows = try #require(document.root?["rows"])
        let actual = PlainValue(rows)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/json/\(name).json")), options: [.fragmentsAllowed])
        var expected = PlainValue(json: json)
        // The stored copy of the suite has known defects relative to the published suite; they
        // are recognised by their exact symptoms (so a corrected copy is compared as is) and
        // reported, not hidden.
        let csv = try FileReader.read(csvPath)
        if case .map = expected {
            print("csv-spectrum \(name): json/\(name).json holds one object, not a list of records; compared as a one-record list")
            expected = .list([expected])
        }
        if name.hasSuffix("_crlf"), !csv.contains(0x0D), Self.replacingCRLF(expected) != expected {
            print("csv-spectrum \(name): the stored CSV has LF line ends (its CRs were lost), its json expects CRLF inside a field; compared with LF there")
            expected = Self.replacingCRLF(expected)
        }
        if name == "location_coordinates", case .list(let items) = expected, items.count == 1,
           case .map(var record) = items[0], record["Contact Phone Number"] == .string("1234567890"),
           String(decoding: csv, as: UTF8.self).contains("2095257564") {
            print("csv-spectrum location_coordinates: the stored json says phone 1234567890, its CSV says 2095257564; compared with the CSV's value")
            record["Contact Phone Number"] = .string("2095257564")
            expected = .list([.map(record)])
        }
        #expect(actual == expected, "\(name): got \(actual), expected \(expected)")
    }

    static func replacingCRLF(_ value: PlainValue) -> PlainValue {
        switch value {
        case .string(let s): .string(s.replacingOccurrences(of: "\r\n", with: "\n"))
        case .list(let l): .list(l.map(replacingCRLF))
        case .map(let m): .map(m.mapValues(replacingCRLF))
        default: value
        }
    }
}
