// The tests' stand-in for the checker's worker (docs/assets/checker/worker.js): a real module
// Web Worker, served by the test server at /__tests__/fake-worker.js, that speaks the page's
// protocol from the page's own protocol.js and answers without Python, in one of these modes
// (?mode=...):
//   echo    every check is answered by echoing the phone field into every string of the
//           result (tests/browser/test_hostile_input.py: the glue must write it as text); the
//           saved lines' calls: an empty list, and errors whose message is the last phone;
//   hang    calls are never answered; the message {type: "test.throw"} makes the worker throw
//           an error it does not catch, as a worker that breaks after its boot does.
import * as message from "/assets/checker/protocol.js";

const mode = new URL(self.location.href).searchParams.get("mode");

// Each string of a check_form answer is the phone field; a promo answers errors instead.
function echo(form) {
  const p = String(form.phone);
  if (form.reload_kind === "promo") {
    const error = (field) => ({ ok: false, code: "x", message: p, field });
    return {
      number: error("phone"),
      amount: error("amount"),
      estimate: error("last_reload"),
      summary: null,
    };
  }
  const list = [p];
  return {
    number: {
      ok: true, e164: p, national: p, network: p, network_text: p,
      networks: [{ name: p, sources: list }], caveat: p, warnings: list, warning_messages: list,
    },
    amount: { ok: true, amount: p, currency: p, warnings: list, warning_messages: list },
    estimate: {
      ok: true, carrier: p, carrier_name: p, last_reload: p, load_expires: p, deactivates_on: p, reload_by: p,
      balance_ends: p, load_expires_label: p, days_text: p, reload_by_text: p,
      other_dates: [{ key: "last_reload", label: p, date: p, text: p }], date_notes: list,
      days_left: p, status: p, status_label: p, status_detail: p, warnings: list,
      warning_messages: list, status_warnings: list, status_warning_messages: list, assumptions: [{ code: p, message: p, rule: p }],
      sources: [{ title: p, url: "#", confidence: p, confidence_label: p, checked: p }],
    },
    summary: p,
  };
}

let lastPhone = "";

function answer(name, args) {
  if (name === "check_form") {
    lastPhone = String(args.form.phone);
    return echo(args.form);
  }
  if (name === "saved_lines") return { ok: true, lines: [], attention: [], damaged: null };
  return { ok: false, code: "x", message: lastPhone, field: "saved" };
}

// Not async: an error thrown here is uncaught, and reaches the page as the Worker's "error".
self.addEventListener("message", (event) => {
  const msg = event.data;
  if (msg.type === "test.throw") throw new Error("the stand-in worker breaks, as asked");
  if (msg.type === message.TO_WORKER.BOOT) {
    self.postMessage(message.progress("runtime"));
    self.postMessage(message.ready("fresh"));
  } else if (msg.type === message.TO_WORKER.CALL && mode === "echo") {
    self.postMessage(message.result(msg.id, JSON.stringify(answer(msg.name, msg.args))));
  }
});
