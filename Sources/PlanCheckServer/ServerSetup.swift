import HTTPTypes
import Hummingbird
import NIOCore
import PlanCheck
import PlanCheckServerCore

/// The loaded configuration and the parts every request shares; builds the Hummingbird
/// application (used by the command and by the tests).
struct ServerSetup: Sendable {
    let service: PlanCheckService
    let workers: WorkerPool

    init(service: PlanCheckService) {
        self.service = service
        workers = WorkerPool(width: service.limits.maxConcurrentChecks, timeout: service.limits.timeoutSeconds)
    }

    static func load(configPath: String, documents: any DocumentFeatures) throws(LoadError) -> ServerSetup {
        let configuration = try ServerConfiguration.load(path: configPath)
        let catalog = try RuleSetCatalog.load(configuration)
        return ServerSetup(service: PlanCheckService(catalog: catalog, limits: configuration.limits, documents: documents))
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        // Outermost first: error answers get the security headers too.
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware())
        let pages = PageRenderer(catalog: service.catalog)
        let statics = StaticAnswers(catalog: service.catalog)
        for route in ServerRoute.allCases {
            let method = HTTPRequest.Method(route.method)!
            router.on(RouterPath(route.path), method: method) { request, _ -> Response in
                switch route {
                case .page:
                    let language = PageLanguage(query: request.uri.queryParameters.get("lang"))
                    return Response(APIAnswer(contentType: "text/html; charset=utf-8", body: Array(pages.render(language: language).utf8)))
                case .pageCSS: return Response(StaticAnswers.pageCSS)
                case .pageScript: return Response(StaticAnswers.pageScript)
                case .health: return Response(statics.health)
                case .openAPI: return Response(StaticAnswers.openAPI)
                case .ruleSets: return Response(statics.ruleSets)
                case .check, .audit, .importPlan, .review:
                    return Response(await upload(route, request))
                }
            }
        }
        return router
    }

    /// Reads the body (bounded), parses the form, and runs the command on a worker.
    func upload(_ route: ServerRoute, _ request: Request) async -> APIAnswer {
        let limits = service.limits
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxRequestBytes {
            return APIError(413, "the request is larger than the limit of \(limits.maxRequestBytes) bytes").answer
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limits.maxRequestBytes)
        } catch is NIOTooManyBytesError {
            return APIError(413, "the request is larger than the limit of \(limits.maxRequestBytes) bytes").answer
        } catch {
            return APIError(400, "the request body could not be read").answer
        }
        let service = self.service
        let contentType = request.headers[.contentType]
        // Parsing the form is CPU work too (byte by byte): it runs on a worker, like the check.
        return await workers.run {
            do throws(APIError) {
                let form = try MultipartFormParser(limits: limits).parse(body: body, contentType: contentType)
                switch route {
                case .check: return try service.check(form)
                case .audit: return try service.audit(form)
                case .importPlan: return try service.importPlan(form)
                default: return try service.review(form)
                }
            } catch {
                return error.answer
            }
        }
    }

    func application(host: String, port: Int, onRunning: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            // A client that stops sending mid-upload is dropped instead of holding a connection.
            server: .http1(configuration: .init(idleTimeout: .seconds(60))),
            configuration: .init(address: .hostname(host, port: port), serverName: "plancheck-server"),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? port) }
        )
    }
}
