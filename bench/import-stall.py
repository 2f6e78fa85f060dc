#!/usr/bin/env python3
"""Import stall: other members' write latency while one person imports a ~5 MB export.

Starts Hearth (a built Hearth.Web.dll) on a fresh data folder, or uses --url. Makes a source account
holding --memories memories of 4,000 characters and downloads its export (a genuine file of about
5 MB). Then --writers other members each add small memories in a loop: first for --baseline seconds
alone, then while a new account imports the file, until the import answers. Reports p50/p99/max of
the writers' latencies in both windows, the import's duration and the server's resident memory.

    dotnet build src/Hearth.Web -c Release
    python3 bench/import-stall.py --dll src/Hearth.Web/bin/Release/net10.0/Hearth.Web.dll
    python3 bench/import-stall.py --url http://127.0.0.1:5080     # a server you started yourself

Only the standard library. Cookies are __Host- (secure) cookies: kept by hand over plain http.
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, tempfile, threading, time, urllib.request, urllib.error, uuid

PASSPHRASE = "bench hearth passphrase, long enough"


class Client:
    def __init__(self, base):
        self.base, self.cookies = base, {}

    def call(self, method, path, body=None, raw=None, timeout=120):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self.cookies:
            req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                status, headers, payload = r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            status, headers, payload = e.code, e.headers, e.read()
        for c in headers.get_all("Set-Cookie") or []:
            name, _, rest = c.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return status, payload

    @staticmethod
    def person(base, name):
        c = Client(base)
        email = f"{uuid.uuid4().hex}@example.test"
        s, p = c.call("POST", "/api/v1/account/register", {"email": email, "password": PASSPHRASE, "displayName": name})
        assert s == 201, (s, p[:200])
        s, p = c.call("POST", "/api/v1/account/sign-in", {"email": email, "password": PASSPHRASE})
        assert s == 200, (s, p[:200])
        return c

    def space(self):
        s, p = self.call("POST", "/api/v1/spaces", {"kind": "friends"})
        assert s == 201, (s, p[:200])
        return json.loads(p)["id"]

    def memory(self, space, title, text):
        return self.call("POST", f"/api/v1/spaces/{space}/memories", {"title": title, "text": text, "kind": "reflection", "date": "2026-05-01", "shared": False})


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024
    except (OSError, AttributeError, TypeError):
        return float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dll")
    ap.add_argument("--url")
    ap.add_argument("--port", type=int, default=5191)
    ap.add_argument("--memories", type=int, default=1150)
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--baseline", type=float, default=10)
    ap.add_argument("--out")
    a = ap.parse_args()
    server, data = None, None
    if a.url:
        base = a.url.rstrip("/")
    else:
        data = tempfile.mkdtemp(prefix="hearth-import-stall-")
        base = f"http://127.0.0.1:{a.port}"
        server = subprocess.Popen(["dotnet", a.dll, "--urls", base, f"--Hearth:DataDirectory={data}",
                                   "--Hearth:RateLimits:RequestsPerMinute=0", "--Hearth:RateLimits:AccountPerMinute=100000",
                                   "--Logging:LogLevel:Default=Warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(240):
            try:
                if Client(base).call("GET", "/health", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
    try:
        src = Client.person(base, "Source")
        space = src.space()
        story = ("a slow evening walk along the water, talking about nothing much. " * 70)[:4000]
        for i in range(a.memories):
            s, _ = src.memory(space, f"Memory {i}", story)
            assert s == 201, s
        s, export = src.call("GET", "/api/v1/account/export")
        assert s == 200, s
        print(f"export: {len(export) / 1e6:.2f} MB, {a.memories} memories", flush=True)

        writers = [Client.person(base, f"Writer {i}") for i in range(a.writers)]
        spaces = [w.space() for w in writers]
        importer = Client.person(base, "Importer")
        lat = {"baseline": [], "import": []}
        errors = {"baseline": 0, "import": 0}
        phase = {"now": "baseline", "stop": False}

        def loop(w, sp):
            n = 0
            while not phase["stop"]:
                window = phase["now"]
                t = time.perf_counter()
                s, _ = w.memory(sp, f"w{n}", "the garden")
                ms = (time.perf_counter() - t) * 1000
                if phase["now"] == window:
                    lat[window].append(ms)
                    errors[window] += s != 201
                n += 1

        threads = [threading.Thread(target=loop, args=(w, sp), daemon=True) for w, sp in zip(writers, spaces)]
        for t in threads:
            t.start()
        rss_before = rss_mb(server.pid) if server else float("nan")
        time.sleep(a.baseline)
        phase["now"] = "import"
        peak = [rss_before]
        done = threading.Event()

        def sample():
            while not done.is_set():
                if server:
                    peak[0] = max(peak[0], rss_mb(server.pid))
                time.sleep(0.1)

        threading.Thread(target=sample, daemon=True).start()
        t = time.perf_counter()
        s, p = importer.call("POST", "/api/v1/account/import", raw=export, timeout=600)
        import_s = time.perf_counter() - t
        done.set()
        phase["stop"] = True
        for th in threads:
            th.join()
        result = {
            "export_mb": round(len(export) / 1e6, 2), "memories": a.memories, "writers": a.writers,
            "import_status": s, "import_seconds": round(import_s, 2),
            "rss_mb_before": round(rss_before), "rss_mb_peak_during_import": round(peak[0]),
        }
        for w in ("baseline", "import"):
            v = lat[w]
            result[w] = {"writes": len(v), "errors": errors[w], "p50_ms": round(pct(v, 50), 1), "p99_ms": round(pct(v, 99), 1), "max_ms": round(max(v) if v else float("nan"), 1)}
        print(json.dumps(result, indent=2))
        if a.out:
            with open(a.out, "w") as f:
                json.dump(result, f, indent=2)
        ok = s == 200 and result["import"]["p99_ms"] <= 1000
        print("import stall target (other writers' p99 <= 1 s during an import):", "met" if ok else "NOT met")
        return 0 if ok else 1
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        if data:
            shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
