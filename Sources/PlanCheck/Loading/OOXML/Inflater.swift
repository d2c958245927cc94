internal import CZlibSystem

/// Raw-deflate decompression of one ZIP entry with zlib, into a buffer of the size the entry
/// declares: output past that size is refused as it happens (a lying header cannot make us
/// allocate more than it declared), and output short of it is an error too.
enum Inflater {
    enum Failure: Error {
        case overrun
        case sizeMismatch(Int)
        case impossibleRatio(Int)
        case unsupportedMethod(UInt16)
        case damaged(String)
    }

    static func inflate(_ input: UnsafeBufferPointer<UInt8>, expected: Int) -> Result<[UInt8], Failure> {
        var stream = z_stream()
        guard plancheck_inflate_init_raw(&stream) == Z_OK else { return .failure(.damaged("zlib could not start")) }
        defer { inflateEnd(&stream) }
        // One byte of headroom: inflating into it means the entry is longer than it says.
        var output = [UInt8](repeating: 0, count: expected + 1)
        var status = Z_OK
        var produced = 0
        var consumed = 0
        output.withUnsafeMutableBufferPointer { out in
            // zlib counts in UInt32; feed and drain in chunks below that.
            let chunk = 1 << 30
            while status == Z_OK {
                let inputLeft = input.count - consumed, outputLeft = out.count - produced
                if outputLeft == 0 { break }
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + consumed })
                stream.avail_in = UInt32(min(inputLeft, chunk))
                stream.next_out = out.baseAddress! + produced
                stream.avail_out = UInt32(min(outputLeft, chunk))
                let inBefore = stream.avail_in, outBefore = stream.avail_out
                status = zlib_inflate(&stream)
                consumed += Int(inBefore - stream.avail_in)
                produced += Int(outBefore - stream.avail_out)
                // No progress with input left means zlib needs more input than the entry has.
                if status == Z_BUF_ERROR || (status == Z_OK && inBefore == stream.avail_in && outBefore == stream.avail_out) {
                    status = Z_BUF_ERROR
                }
            }
        }
        if produced > expected { return .failure(.overrun) }
        switch status {
        case Z_STREAM_END:
            guard produced == expected else { return .failure(.sizeMismatch(produced)) }
            output.removeLast()
            return .success(output)
        case Z_BUF_ERROR:
            return .failure(.damaged("the compressed data ends early"))
        default:
            let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            return .failure(.damaged("invalid compressed data: \(reason)"))
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var crc: UInt = 0
            var at = 0
            // zlib takes a UInt32 length; large parts are summed in pieces.
            repeat {
                let n = min(buffer.count - at, 1 << 30)
                crc = CZlibSystem.crc32(crc, buffer.baseAddress.map { $0 + at }, UInt32(n))
                at += n
            } while at < buffer.count
            return UInt32(truncatingIfNeeded: crc)
        }
    }

    /// zlib's `inflate` under a name that does not collide with this type's own.
    private static func zlib_inflate(_ stream: inout z_stream) -> Int32 {
        CZlibSystem.inflate(&stream, Z_NO_FLUSH)
    }
}
