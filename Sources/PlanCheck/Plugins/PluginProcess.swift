#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// How a plugin run ended.
enum PluginEnding: Sendable, Equatable {
    case exited(Int32)
    case signaled(Int32)
    case timedOut
    /// Standard output passed the cap; the program was killed.
    case outputTooLarge
    case launchFailed(String)
}

struct PluginProcessResult: Sendable {
    var ending: PluginEnding
    var stdout: [UInt8]
    /// The first `PluginProcess.maxErrorBytes` of standard error (the rest is drained, dropped).
    var stderr: [UInt8]
}

/// Runs one program with a time limit and bounded output.
///
/// One thread drives all three pipes with `poll`, so a program that does not read its input
/// while its output fills up cannot deadlock us, and the deadline is checked while waiting.
/// The program gets its own process group: on a timeout the whole group is killed, so a shell
/// script's `sleep` cannot keep the pipes open after its parent died.
enum PluginProcess {
    /// A reply larger than this is garbage, not findings.
    static let maxOutputBytes = 64 << 20
    static let maxErrorBytes = 64 << 10

    /// Writing to a plugin that exited without reading its input must give EPIPE, not kill us.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    static func run(program: String, arguments: [String], input: [UInt8], timeout: Double,
                    maxOutput: Int = maxOutputBytes) -> PluginProcessResult {
        _ = ignoreBrokenPipes
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        let stdin: Int32, stdout: Int32, stderr: Int32, pid: pid_t
        switch start(program: program, arguments: arguments) {
        case .success(let started): (stdin, stdout, stderr, pid) = started
        case .failure(let message): return PluginProcessResult(ending: .launchFailed(message), stdout: [], stderr: [])
        }
        for fd in [stdin, stdout, stderr] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }

        var pump = Pump(input: input, stdin: input.isEmpty ? nil : stdin, stdout: stdout, stderr: stderr)
        if input.isEmpty { close(stdin) }
        var ending = pump.run(until: deadline, maxOutput: maxOutput)
        var status: Int32 = 0
        if ending == nil {
            // Both outputs are closed; the program may still be running (it closed them early).
            while ending == nil {
                let reaped = waitpid(pid, &status, WNOHANG)
                if reaped == pid { break }
                if reaped < 0 && errno != EINTR { ending = .launchFailed("waitpid: \(errorText())"); break }
                if DispatchTime.now().uptimeNanoseconds >= deadline { ending = .timedOut; break }
                usleep(2_000)
            }
        }
        if ending != nil {
            // Killing the group before reaping the leader: its id cannot have been reused yet.
            kill(-pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        pump.closeAll()
        let final = ending ?? Self.decode(status)
        return PluginProcessResult(ending: final, stdout: pump.output, stderr: pump.errors)
    }

    /// Exit code or signal from a `waitpid` status (the W* macros are not visible to Swift).
    static func decode(_ status: Int32) -> PluginEnding {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }

    static func errorText() -> String { String(cString: strerror(errno)) }

    /// A pipe whose ends are closed in every program we start (`pipe2` is not visible to Swift
    /// on Glibc, hence `fcntl` under `spawnLock`).
    private static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    private enum Started { case success((stdin: Int32, stdout: Int32, stderr: Int32, pid: pid_t)), failure(String) }
    private enum Spawned { case success(pid_t), failure(String) }

    private static let spawnLock = Locked(())

    /// Starts the program with its three pipes; returns our ends.
    ///
    /// Several plugins may start at once on different threads. Creating the pipes, marking them
    /// close-on-exec and spawning under one lock keeps a child from inheriting another run's
    /// pipe end, which would keep that pipe from ever reaching its end.
    private static func start(program: String, arguments: [String]) -> Started {
        spawnLock.withLock { _ -> Started in
            guard let stdin = makePipe(), let stdout = makePipe(), let stderr = makePipe() else {
                return .failure("cannot create pipes: \(errorText())")
            }
            switch spawn(program: program, arguments: arguments, stdin: stdin.read, stdout: stdout.write, stderr: stderr.write) {
            case .success(let pid):
                // The child's ends belong to the child now; keeping them would hide its EOF from us.
                close(stdin.read); close(stdout.write); close(stderr.write)
                return .success((stdin.write, stdout.read, stderr.read, pid))
            case .failure(let message):
                for fd in [stdin.read, stdin.write, stdout.read, stdout.write, stderr.read, stderr.write] { close(fd) }
                return .failure(message)
            }
        }
    }

    private static func spawn(program: String, arguments: [String], stdin: Int32, stdout: Int32, stderr: Int32) -> Spawned {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group (killed as a whole on timeout); SIGPIPE back to its default, since
        // an ignored signal stays ignored across exec.
        var flags = Int32(POSIX_SPAWN_SETPGROUP) | Int32(POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        #if canImport(Darwin)
        let environment = _NSGetEnviron().pointee
        #else
        let environment = environ
        #endif
        var status = posix_spawn(&pid, program, &actions, &attributes, argv, environment)
        // ETXTBSY: a program file just written is still open for writing in a process forked
        // meanwhile by another thread, until that process execs. It passes within milliseconds.
        var attempts = 0
        while status == ETXTBSY && attempts < 40 {
            attempts += 1
            usleep(10_000)
            status = posix_spawn(&pid, program, &actions, &attributes, argv, environment)
        }
        guard status == 0 else { return .failure("cannot start \(program): \(String(cString: strerror(status)))") }
        return .success(pid)
    }
}

/// Moves bytes between us and the program's three pipes until both outputs close.
private struct Pump {
    let input: [UInt8]
    var written = 0
    var stdin: Int32?
    var stdout: Int32?
    var stderr: Int32?
    var output: [UInt8] = []
    var errors: [UInt8] = []

    init(input: [UInt8], stdin: Int32?, stdout: Int32, stderr: Int32) {
        self.input = input
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
    }

    /// nil when both outputs reached their end; otherwise why the program must be killed.
    mutating func run(until deadline: UInt64, maxOutput: Int) -> PluginEnding? {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while stdout != nil || stderr != nil {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { return .timedOut }
            var fds: [pollfd] = []
            if let stdin { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
            if let stdout { fds.append(pollfd(fd: stdout, events: Int16(POLLIN), revents: 0)) }
            if let stderr { fds.append(pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)) }
            let waitMilliseconds = Int32(min(1_000, (deadline - now) / 1_000_000 + 1))
            if poll(&fds, nfds_t(fds.count), waitMilliseconds) < 0 {
                if errno == EINTR { continue }
                return .launchFailed("poll: \(PluginProcess.errorText())")
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdin {
                    writeInput()
                } else if entry.fd == stdout {
                    if !drain(entry.fd, into: &output, buffer: &buffer, keep: Int.max) { close(entry.fd); stdout = nil }
                    if output.count > maxOutput { return .outputTooLarge }
                } else if !drain(entry.fd, into: &errors, buffer: &buffer, keep: PluginProcess.maxErrorBytes) {
                    close(entry.fd); stderr = nil
                }
            }
        }
        return nil
    }

    /// Writes what the pipe takes; closes standard input when done or when the program stopped
    /// reading (EPIPE): the program sees end of input either way.
    mutating func writeInput() {
        guard let fd = stdin else { return }
        let count = input.withUnsafeBytes { bytes in
            write(fd, bytes.baseAddress! + written, bytes.count - written)
        }
        if count > 0 { written += count }
        if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
            close(fd)
            stdin = nil
        }
    }

    /// Reads what is available; false at the end of the stream. Bytes past `keep` are dropped.
    func drain(_ fd: Int32, into target: inout [UInt8], buffer: inout [UInt8], keep: Int) -> Bool {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 { return errno == EAGAIN || errno == EINTR }
        if count == 0 { return false }
        let room = max(0, keep - target.count)
        target.append(contentsOf: buffer[0..<min(count, room)])
        return true
    }

    mutating func closeAll() {
        for fd in [stdin, stdout, stderr].compactMap({ $0 }) { close(fd) }
        stdin = nil; stdout = nil; stderr = nil
    }
}
