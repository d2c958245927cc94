#!/usr/bin/env python3
"""Drives plancheck-server's page in headless Chromium over the DevTools protocol: uploads files
through the real file input, picks a rule set and a date, presses the button, waits for the
findings, and writes full-page PNG screenshots at the given widths.

  page_screenshot.py URL RULESET ASOF OUT_PREFIX WIDTH[,WIDTH…] FILE…

Prints one JSON line: {"findings": N, "errors": E, "warnings": W, "info": I, "files": F, "shots": [...]}.
Needs `chromium` and the `websocket-client` module; exits 3 when either is missing.
"""
import json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request

try:
    import websocket
except ImportError:
    print("websocket-client is not installed (pip install websocket-client)", file=sys.stderr)
    sys.exit(3)

url, ruleset, as_of, out_prefix, widths = sys.argv[1:6]
files = [os.path.abspath(f) for f in sys.argv[6:]]
browser = shutil.which("chromium") or shutil.which("chromium-browser")
if not browser:
    print("chromium is not installed", file=sys.stderr)
    sys.exit(3)

profile = tempfile.mkdtemp(prefix="plancheck-chromium-")
proc = subprocess.Popen([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
try:
    port = None
    deadline = time.time() + 30
    while time.time() < deadline and port is None:
        line = proc.stderr.readline()
        match = re.search(r"ws://127\.0\.0\.1:(\d+)/", line or "")
        if match:
            port = int(match.group(1))
    if port is None:
        raise SystemExit("chromium did not start its DevTools endpoint")
    request = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT")
    target = json.load(urllib.request.urlopen(request))
    ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=60)
    counter = [0]

    def call(method, **params):
        counter[0] += 1
        ws.send(json.dumps({"id": counter[0], "method": method, "params": params}))
        while True:
            message = json.loads(ws.recv())
            if message.get("id") == counter[0]:
                if "error" in message:
                    raise SystemExit(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(expression):
        return call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)["result"].get("value")

    def wait_for(expression, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if evaluate(expression):
                return
            time.sleep(0.2)
        raise SystemExit(f"timed out waiting for {expression}")

    shots = []
    summary = {}
    for width in [int(w) for w in widths.split(",")]:
        mobile = width < 600
        call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=mobile)
        call("Page.enable")
        call("Page.navigate", url=url)
        wait_for("document.readyState === 'complete' && !!document.getElementById('files')")
        root = call("DOM.getDocument")["root"]["nodeId"]
        node = call("DOM.querySelector", nodeId=root, selector="#files")["nodeId"]
        call("DOM.setFileInputFiles", files=files, nodeId=node)
        evaluate(f"document.getElementById('ruleset').value = {json.dumps(ruleset)}; document.getElementById('asOf').value = {json.dumps(as_of)}; true")
        evaluate("document.getElementById('submit').click(); true")
        wait_for("document.getElementById('results').dataset.state === 'done'")
        summary = evaluate("""(() => {
            const counts = [...document.querySelectorAll('.summary .count strong')].map(e => Number(e.textContent));
            return {findings: document.querySelectorAll('.record li').length, errors: counts[0], warnings: counts[1],
                    places: [...document.querySelectorAll('.record .where')].map(e => e.textContent),
                    info: counts[2], files: counts[3], problem: (document.querySelector('.problem') || {}).textContent || null};
        })()""")
        height = min(int(evaluate("document.documentElement.scrollHeight")), 1500)
        call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
        time.sleep(0.3)
        import base64
        png = base64.b64decode(call("Page.captureScreenshot", format="png")["data"])
        path = f"{out_prefix}-{width}.png"
        with open(path, "wb") as f:
            f.write(png)
        shots.append(path)
    summary["shots"] = shots
    print(json.dumps(summary))
finally:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    shutil.rmtree(profile, ignore_errors=True)
