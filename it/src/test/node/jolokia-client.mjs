// Runs read, exec, search, list, version and a bulk request through jolokia.js against the URL given,
// and prints one JSON line per answer: {name, success, error, status}, as the client itself judges them.
import Jolokia from "jolokia.js";

const [url, statsMBean, sessionMBean] = process.argv.slice(2);
const jolokia = new Jolokia({ url, method: "post" });
const judged = (name, answer) => console.log(JSON.stringify({
  name, success: Jolokia.isResponseSuccess(answer), error: Jolokia.isResponseError(answer), status: answer?.status
}));

const single = [
  ["read", { type: "read", mbean: statsMBean, attribute: "TotalConnCount" }],
  ["read forbidden", { type: "read", mbean: "java.lang:type=Memory", attribute: "HeapMemoryUsage" }],
  ["exec", { type: "exec", mbean: sessionMBean, operation: "isOnline", arguments: ["bob"] }],
  ["exec refused", { type: "exec", mbean: sessionMBean, operation: "kick", arguments: ["bob", "why"] }],
  ["search", { type: "search", mbean: "onlineuser:*" }],
  ["list", { type: "list", path: "onlineuser" }],
  ["version", { type: "version" }],
  ["read missing", { type: "read", mbean: "onlineuser:type=Nope", attribute: "X" }],
];
for (const [name, request] of single) {
  judged(name, await jolokia.request(request));
}
const bulk = await jolokia.request(single.map(([, request]) => request));
bulk.forEach((answer, i) => judged("bulk " + single[i][0], answer));
judged("oversize", await jolokia.request({ type: "exec", mbean: sessionMBean, operation: "isOnline",
  arguments: ["a".repeat(2 << 20)] }));
