#!/usr/bin/env python3
"""A class's browser at the club: what Chromium shows for each library scenario.

    browser_check.py CLI DOC [--shots DIR] [--print] [SCENARIO...]

For each scenario (a path under scenarios/, without .toml; default: every row of DOC's browser
table), as a trainer and a student would do it:
  1. `tlsclub export S --classroom KIT` makes the name-constrained classroom authority;
  2. `tlsclub serve S --clock now --port 0` opens the club;
  3. a fresh NSS database (certutil, Debian's libnss3-tools) trusts that authority for websites,
     as a student's import does, and headless Chromium opens https://NAME:PORT/ with NAME mapped
     to 127.0.0.1 (the hosts-file line of the classroom README);
  4. the page is read: the club's welcome page ("padlock"), or the browser's error code
     (NET::ERR_CERT_DATE_INVALID, ERR_SSL_PROTOCOL_ERROR, ...) from its error page.
What the browser showed must be what DOC's table says, row by row. --print prints the rows as
measured instead (to write the table). --shots DIR keeps a screenshot of each welcome page
(headless Chromium draws no error page: it logs the code the page would show).
Exit 0: every row agrees; 1: a difference (each printed); 2: bad input or a missing tool.
Bounded: every process has a deadline and is stopped on any exit.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROW = re.compile(r"^\| `([a-z0-9-]+/[a-z0-9-]+)` \| ([^|]+) \| ([^|]+) \|")


def fail(message):
    print(f"browser_check: error: {message}", file=sys.stderr)
    sys.exit(2)


def table_rows(doc):
    rows = {}
    with open(doc, encoding="utf-8") as f:
        for line in f:
            m = ROW.match(line)
            if m:
                rows[m.group(1)] = (m.group(2).strip(), m.group(3).strip())
    if not rows:
        fail(f"{doc}: no browser table rows (| `group/name` | club | browser |)")
    return rows


def start_club(cli, scenario, work):
    log = open(os.path.join(work, "serve.log"), "w+")
    club = subprocess.Popen([cli, "serve", scenario, "--clock", "now", "--port", "0",
                             "--timeout", "5"], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 10
    while time.time() < deadline:
        log.seek(0)
        m = re.search(r"listening on 127\.0\.0\.1:(\d+)", log.read())
        if m:
            return club, log, int(m.group(1))
        if club.poll() is not None:
            break
        time.sleep(0.05)
    club.kill()
    log.seek(0)
    fail(f"{scenario}: the club did not open:\n{log.read()}")


def club_line(log):
    """The club's line about the browser's visit. A browser opens several connections and drops
    those it does not need (or retries after a refusal), so the line is the first visit that got
    further than hanging up or timing out; the visitor's address, which changes, is left out."""
    log.seek(0)
    lines = re.findall(r"^visit \d+: (.*)$", log.read(), re.M)
    told = [l for l in lines if not re.search(r"not admitted: (it hung up|the club gave up)", l)]
    line = (told or lines or ["no visit"])[0]
    return re.sub(r"^.*?127\.0\.0\.1:\d+\)? ", "", line)


def trust_store(home, authorities):
    nssdb = os.path.join(home, ".pki", "nssdb")
    os.makedirs(nssdb)
    subprocess.run(["certutil", "-d", "sql:" + nssdb, "-N", "--empty-password"], check=True,
                   timeout=30, capture_output=True)
    for i, pem in enumerate(authorities):
        subprocess.run(["certutil", "-d", "sql:" + nssdb, "-A", "-n", f"TLS Club {i}",
                        "-t", "C,,", "-i", pem], check=True, timeout=30, capture_output=True)


def chromium(home, name, url, mode, out):
    args = ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--disable-background-networking", f"--user-data-dir={home}/profile",
            f"--host-resolver-rules=MAP {name} 127.0.0.1", "--window-size=1024,640"]
    args += ["--dump-dom"] if mode == "dom" else [f"--screenshot={out}"]
    env = dict(os.environ, HOME=home)
    r = subprocess.run(args + [url], env=env, capture_output=True, text=True, timeout=60)
    return r.stdout, r.stderr


def what_browser_shows(dom, log):
    """The welcome page, or the error page's code. Headless Chromium draws no error page; it
    logs the load's failure, with the code the page would show (cert errors with NET::)."""
    if "Welcome to the club" in dom:
        return "padlock: the welcome page"
    m = re.search(r"Page load failed: net::(ERR_[A-Z0-9_]+)", log)
    if m:
        code = m.group(1)
        return ("NET::" if code.startswith("ERR_CERT_") else "") + code
    return "no page (" + " ".join(dom.split())[:80] + ")"


def visit(cli, club_scenario, kit_scenario, shot, name=None):
    """Chromium, trusting the classroom authority of `kit_scenario`, visits `club_scenario`'s
    club at `name` (default: the name the kit's README tells students to open). Returns (the club's line, what the browser shows)."""
    work = tempfile.mkdtemp(prefix="tlsclub-browser-")
    club = None
    try:
        kit = os.path.join(work, "kit")
        r = subprocess.run([cli, "export", kit_scenario, "--classroom", kit], capture_output=True,
                           text=True, timeout=60)
        if r.returncode != 0:
            return "no classroom kit", r.stderr.strip().splitlines()[-1]
        authorities = sorted(os.path.join(kit, f) for f in os.listdir(kit) if f.endswith(".pem"))
        readme = open(os.path.join(kit, "README.txt"), encoding="utf-8").read()
        name = name or re.search(r"Then open https://([^:/]+):4433/", readme).group(1)
        trust_store(work, authorities)
        club, log, port = start_club(cli, club_scenario, work)
        url = f"https://{name}:{port}/"
        shown = what_browser_shows(*chromium(work, name, url, "dom", None))
        if shot and shown.startswith("padlock"):  # headless draws no error page
            chromium(work, name, url, "shot", os.path.abspath(shot))
        time.sleep(1)  # the visits' lines are written as they end
        return club_line(log), shown
    finally:
        if club is not None:
            club.terminate()
            try:
                club.wait(5)
            except subprocess.TimeoutExpired:
                club.kill()
        shutil.rmtree(work, ignore_errors=True)


def constraint_check(cli, root, shots):
    """The classroom authority's name constraints, as Chromium applies them: the same keys sign a
    badge for a real site's name (www.bank.com); the browser must refuse it."""
    base = os.path.join(root, "scenarios", "basics", "server-only-tls13.toml")
    work = tempfile.mkdtemp(prefix="tlsclub-bank-")
    try:
        text = open(base, encoding="utf-8").read().replace('"club.example"', '"www.bank.com"')
        if "www.bank.com" not in text:
            fail(f"{base}: no club.example to rename")
        bank = os.path.join(work, "bank.toml")
        with open(bank, "w", encoding="utf-8") as f:
            f.write(text)
        shot = os.path.join(shots, "name-constraint--www.bank.com.png") if shots else None
        return visit(cli, bank, base, shot, "www.bank.com")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv):
    args = list(argv)
    shots = None
    printing = "--print" in args
    if printing:
        args.remove("--print")
    if "--shots" in args:
        i = args.index("--shots")
        shots = args[i + 1]
        del args[i:i + 2]
        os.makedirs(shots, exist_ok=True)
    if len(args) < 2:
        fail("usage: browser_check.py CLI DOC [--shots DIR] [--print] [SCENARIO...]")
    cli, doc, chosen = os.path.abspath(args[0]), args[1], args[2:]
    for tool in ("chromium", "certutil"):
        if shutil.which(tool) is None:
            fail(f"{tool} not found (Debian's chromium and libnss3-tools; scripts/web and "
                 f"scripts/bootstrap.sh install them)")
    root = os.path.dirname(os.path.dirname(os.path.abspath(doc)))
    rows = table_rows(doc) if not (printing and chosen) else {}
    scenarios = chosen or list(rows)
    differences = 0
    started = time.time()
    for scenario in scenarios:
        path = os.path.join(root, "scenarios", scenario + ".toml")
        if not os.path.isfile(path):
            fail(f"no scenario {path}")
        shot = os.path.join(shots, scenario.replace("/", "--") + ".png") if shots else None
        expected = rows.get(scenario)
        # A browser's own connection handling races now and then (a retry after the club asked
        # for a card may find its socket gone: ERR_SOCKET_NOT_CONNECTED), so a row that differs
        # gets two more tries; one that differs every time is a difference.
        for attempt in range(1 if printing or expected is None else 3):
            club, shown = visit(cli, path, path, shot)
            if expected == (club, shown):
                break
            if attempt < 2 and not printing:
                print(f"{scenario}: measured '{club}', '{shown}'; trying again")
        if printing:
            print(f"| `{scenario}` | {club} | {shown} |")
            continue
        if expected is None:
            print(f"{scenario}: not in {doc}'s table")
            differences += 1
        elif expected != (club, shown):
            print(f"{scenario}: the table says club '{expected[0]}', browser '{expected[1]}'; "
                  f"measured club '{club}', browser '{shown}'")
            differences += 1
        else:
            print(f"{scenario}: {shown}")
    club, shown = constraint_check(cli, root, shots)
    if shown.startswith("padlock") or not re.match(r"(NET::)?ERR_CERT", shown):
        print(f"name constraints: a badge for www.bank.com under the classroom authority was not "
              f"refused as a certificate error: {shown}")
        differences += 1
    else:
        print(f"name constraints: a badge for www.bank.com under the classroom authority: {shown}")
    print(f"browser_check: {len(scenarios)} scenarios, {differences} differences, "
          f"{time.time() - started:.0f} s")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
