// Opens the web edition's page in headless Chromium, waits until the app says it has drawn its
// first frame (the page title becomes "TLS Club · <scenario>"), lets a few more frames settle,
// and saves a screenshot. Prints the page's console lines; exits non-zero when the page shows its
// error panel, throws, or is not ready in time.
//
//   node page_check.mjs URL OUT.png [WIDTH HEIGHT [SECONDS [LINE [ACTIONS]]]]
//
// LINE (a regular expression): after the first frame, also wait for a console line matching it
// (the library's run, which goes one scenario per frame, ends with one).
// ACTIONS (JSON, a list): what a student does next, in order, each waited for before the next:
//   {"drop": FILE, "as": NAME}  drop FILE (read here) on the page as a file called NAME
//   {"pick": FILE}              choose FILE in the page's file picker (File ▸ Open)
//   {"key": KEY, "ctrl": true}  press a key ("ArrowRight", "7", ...)
//   {"back": true}              the browser's back button
//   {"line": REGEX}             wait for a new console line matching REGEX
//   {"address": REGEX}          wait until the address's query matches REGEX
// The screenshot is taken after the last action.
// Chromium is driven over its DevTools pipe (--remote-debugging-pipe: file descriptors 3 and 4),
// not with --screenshot: under --virtual-time-budget the browser's clock runs ahead while the
// WebAssembly compiles, so the picture would be taken before the app starts; here the check waits
// for the app itself, in real time, with a deadline.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve as resolvePath } from "node:path";

const [url, out, width = "1024", height = "640", seconds = "90", line, actionsJson = "[]"] =
  process.argv.slice(2);
const actions = JSON.parse(actionsJson);
if (!url || !out) {
  console.error("usage: node page_check.mjs URL OUT.png [WIDTH HEIGHT [SECONDS [LINE]]]");
  process.exit(2);
}

const chromium = spawn(process.env.CHROMIUM || "chromium", [
  "--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
  `--window-size=${width},${height}`, "--remote-debugging-pipe", "--no-first-run",
  "--user-data-dir=" + (process.env.TLSCLUB_CHROMIUM_PROFILE || "/tmp/tlsclub-web-check-profile"),
  "about:blank",
], { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });

let finished = false;
function finish(status, message) {
  if (finished) return;
  finished = true;
  if (message) (status === 0 ? console.log : console.error)(message);
  chromium.kill("SIGTERM");
  setTimeout(() => process.exit(status), 200);
}
chromium.on("error", (e) => finish(1, `page_check: cannot start chromium: ${e.message}`));
chromium.on("exit", (code) => finish(1, `page_check: chromium exited early (status ${code})`));
const deadline = setTimeout(
  () => finish(1, `page_check: the app was not ready within ${seconds} s`),
  Number(seconds) * 1000);
deadline.unref();

// The DevTools protocol: JSON messages ended by a NUL byte, in both directions.
let nextId = 1, buffer = "";
const waiting = new Map();
function send(method, params = {}, sessionId) {
  const id = nextId++;
  chromium.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + "\0");
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject, method }));
}
const consoleLines = [];
chromium.stdio[4].on("data", (chunk) => {
  buffer += chunk.toString("utf8");
  let end;
  while ((end = buffer.indexOf("\0")) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (message.id && waiting.has(message.id)) {
      const { resolve, reject, method } = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    } else if (message.method === "Runtime.consoleAPICalled") {
      const text = message.params.args.map((a) => a.value ?? a.description ?? "").join(" ");
      consoleLines.push(text);
      console.log(`console: ${text}`);
    } else if (message.method === "Runtime.exceptionThrown") {
      const d = message.params.exceptionDetails;
      finish(1, `page_check: the page threw: ${d.exception?.description ?? d.text}`);
    }
  }
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Keys as the DevTools protocol wants them: the DOM key, its code and the Windows key code.
const keyCodes = { ArrowRight: ["ArrowRight", 39], ArrowLeft: ["ArrowLeft", 37] };
function keyEvent(type, key, ctrl) {
  const [code, keyCode] = keyCodes[key] ?? [/^[0-9]$/.test(key) ? "Digit" + key : "Key" + key.toUpperCase(),
                                           key.toUpperCase().charCodeAt(0)];
  return { type, key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode,
           modifiers: ctrl ? 2 : 0, text: type === "keyDown" && !ctrl && key.length === 1 ? key : "" };
}

let mark = 0;  // the console lines before the last action that was not a wait
async function act(page, evaluate, action) {
  console.log(`page_check: ${JSON.stringify(action)}`);
  if (!action.line && !action.address) mark = consoleLines.length;
  if (action.drop) {
    // The drop event the page's canvas would get from a file manager: a DataTransfer with a File.
    const bytes = JSON.stringify([...readFileSync(action.drop)]);
    await evaluate(`(() => { const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(${bytes})], ${JSON.stringify(action.as)}));
        const canvas = document.getElementById("canvas");
        for (const type of ["dragenter", "dragover", "drop"])
          canvas.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        return true; })()`);
  } else if (action.pick) {
    const { root } = await page("DOM.getDocument", {});
    const { nodeId } = await page("DOM.querySelector", { nodeId: root.nodeId, selector: "#file-input" });
    await page("DOM.setFileInputFiles", { nodeId, files: [resolvePath(action.pick)] });
  } else if (action.key) {
    // Held for a few frames: the app reads which keys are down once per frame.
    const control = { key: "Control", code: "ControlLeft", windowsVirtualKeyCode: 17,
                      nativeVirtualKeyCode: 17, modifiers: 2 };
    if (action.ctrl) await page("Input.dispatchKeyEvent", { type: "rawKeyDown", ...control });
    await page("Input.dispatchKeyEvent", keyEvent("keyDown", action.key, action.ctrl));
    await sleep(150);
    await page("Input.dispatchKeyEvent", keyEvent("keyUp", action.key, action.ctrl));
    if (action.ctrl) await page("Input.dispatchKeyEvent", { type: "keyUp", ...control, modifiers: 0 });
    await sleep(150);
  } else if (action.back) {
    await evaluate("history.back()");
  } else if (action.line) {
    const wanted = new RegExp(action.line);
    while (!consoleLines.slice(mark).some((text) => wanted.test(text))) await sleep(100);
  } else if (action.address) {
    const wanted = new RegExp(action.address);
    while (!wanted.test(await evaluate("location.search"))) await sleep(100);
  }
}

async function main() {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  const page = (method, params) => send(method, params, sessionId);
  const evaluate = async (expression, awaitPromise = false) =>
    (await page("Runtime.evaluate", { expression, awaitPromise, returnByValue: true })).result.value;
  await page("Runtime.enable");
  await page("Page.enable");
  await page("Emulation.setDeviceMetricsOverride",
             { width: Number(width), height: Number(height), deviceScaleFactor: 1, mobile: false });
  const started = Date.now();
  await page("Page.navigate", { url });
  for (;;) {
    await sleep(250);
    const state = await evaluate(`({ title: document.title,
        error: document.getElementById("error")?.style.display === "block"
               ? document.getElementById("error").innerText : "" })`);
    if (state?.error) return finish(1, `page_check: the page shows an error:\n${state.error}`);
    if (state?.title?.startsWith("TLS Club · ")) break;
  }
  const firstFrame = (Date.now() - started) / 1000;
  if (line) {
    const wanted = new RegExp(line);
    while (!consoleLines.some((text) => wanted.test(text))) await sleep(250);
  }
  for (const action of actions) await act(page, evaluate, action);
  // A few frames for ImGui to settle sizes and scrolling, as the desktop screenshots do.
  await evaluate(`new Promise((done) => { let n = 0;
      const tick = () => (++n < 10 ? requestAnimationFrame(tick) : done(n));
      requestAnimationFrame(tick); })`, true);
  const { data } = await page("Page.captureScreenshot", { format: "png" });
  writeFileSync(out, Buffer.from(data, "base64"));
  console.log(`page_check: address ${await evaluate("location.search")}`);
  finish(0, `page_check: first frame after ${firstFrame.toFixed(1)} s; screenshot ${out}`);
}
main().catch((e) => finish(1, `page_check: ${e.message}`));
