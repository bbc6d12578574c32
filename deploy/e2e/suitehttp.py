"""The HTTP helpers the end-to-end test (e2e.py) and the fault-injection suite (deploy/chaos) share: one call through
the gateway (JSON or multipart), a polling wait, and PASS/FAIL lines with a closing count. Standard library only."""
import json
import time
import urllib.error
import urllib.request
import uuid


class Api:
    """Calls one base URL (the gateway, or a service instance's own port)."""

    def __init__(self, base):
        self.base = base

    def call(self, method, path, body=None, token=None, form=None, raw=False, timeout=60):
        """Returns (status, headers, JSON body or bytes when raw). form: {name: value or (filename, bytes, type)}."""
        headers = {}
        data = None
        if token:
            headers["Authorization"] = "Bearer " + token
        if form is not None:
            boundary = uuid.uuid4().hex
            parts = []
            for name, value in form.items():
                if isinstance(value, tuple):
                    filename, content, ctype = value
                    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                                 f"Content-Type: {ctype}\r\n\r\n".encode() + content + b"\r\n")
                else:
                    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
            data = b"".join(parts) + f"--{boundary}--\r\n".encode()
            headers["Content-Type"] = "multipart/form-data; boundary=" + boundary
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                payload = r.read()
                return r.status, dict(r.headers), payload if raw else (json.loads(payload) if payload else None)
        except urllib.error.HTTPError as e:
            payload = e.read()
            try:
                return e.code, dict(e.headers), json.loads(payload)
            except ValueError:
                return e.code, dict(e.headers), payload

    def login(self, username, password):
        status, _, body = self.call("POST", "/login", {"username": username, "password": password})
        if status != 200:
            raise RuntimeError(f"login of {username}: {status} {body}")
        return body["access_token"]


class Checks:
    """PASS/FAIL lines and the closing "N passed, M failed"."""

    def __init__(self):
        self.results = []

    def check(self, name, condition, detail=""):
        self.results.append(bool(condition))
        print(("PASS " if condition else "FAIL ") + name + ("" if condition else f"  ({detail})"), flush=True)
        return condition

    def summary(self, label):
        passed, failed = self.results.count(True), self.results.count(False)
        print(f"{label}: {passed} passed, {failed} failed", flush=True)
        return failed


def wait_for(fn, timeout=60, interval=0.5):
    """fn() until it returns something truthy or timeout seconds passed; its last value."""
    deadline = time.time() + timeout
    value = fn()
    while not value and time.time() < deadline:
        time.sleep(interval)
        value = fn()
    return value
