import Foundation
import HTTPTypes
import Hummingbird
import PlanCheckServerCore

/// Every error leaves as the API's JSON error: an unknown path is 404, a known path with the
/// wrong method 405 with `Allow`, anything unexpected 500 without detail.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = ServerRoute.methods(for: request.uri.path)
            if allowed.isEmpty { return Response(APIError(404, "no such page or endpoint: \(request.uri.path.prefix(200))").answer) }
            var refusal = APIError(405, "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: ", "))")
            refusal.headers = [("Allow", allowed.joined(separator: ", "))]
            return Response(refusal.answer)
        } catch let error as any HTTPResponseError where (400..<500).contains(error.status.code) {
            return Response(APIError(error.status.code, error.status.reasonPhrase).answer)
        } catch {
            context.logger.error("request failed: \(error)")
            return Response(APIError.internalError.answer)
        }
    }
}

/// The page loads nothing from elsewhere, and says so to the browser.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

extension Response {
    init(_ answer: APIAnswer) {
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        if let name = answer.downloadName {
            headers[.contentDisposition] = ContentDisposition.attachment(name)
        }
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        self.init(status: HTTPResponse.Status(code: answer.status), headers: headers,
                  body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// `attachment; filename="plan-reviewed.docx"; filename*=UTF-8''…` (RFC 6266): the plain name
/// for old clients with non-ASCII replaced, the exact name for the rest.
enum ContentDisposition {
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        var encoded = ""
        for byte in name.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) { encoded.append(c) } else { encoded += String(format: "%%%02X", byte) }
        }
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
