// The editors' desk: review held articles and follow uploads, through the management API on this origin.
// Everything shown is set with textContent, never parsed as HTML: headlines and reasons come from uploaded files.

const KEY = "pipeline-desk-key";
const REFRESH_MS = 4000;

const $ = (id) => document.getElementById(id);
const notice = $("notice");
let timer = null;

function say(text, isError = false) {
  notice.textContent = text;
  notice.classList.toggle("error", isError);
}

function element(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === "class") node.className = value;
    else if (name in node) node[name] = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

class SignedOut extends Error {}

// Locally the host can run with an open desk (DevHost__OpenDesk): no key, a header instead that other sites' pages
// cannot send without a preflight the local host never approves.
let openDesk = false;
const LOCAL = ["127.0.0.1", "localhost", "[::1]"].includes(location.hostname);

function credentials() {
  const signedIn = entraSession();
  if (signedIn) return { authorization: `Bearer ${signedIn.token}` };
  const key = sessionStorage.getItem(KEY);
  if (key) return { "x-functions-key": key };
  if (openDesk) return { "x-pipeline-desk": "open" };
  throw new SignedOut(sessionStorage.getItem(ENTRA) ? "your sign-in has expired" : undefined);
}

// ---- Entra ID sign-in (when the app has it configured: GET /api/access) -------------------------------------
// The authorization code flow with PKCE of a single-page app: the browser goes to the tenant's sign-in page and comes
// back here with a code, which it redeems at the token endpoint for an access token to this API. The token lives in
// this tab's session storage only and goes to the API as a bearer token; the API checks it and the editor's role.

const ENTRA = "pipeline-desk-entra";
const ENTRA_PENDING = "pipeline-desk-entra-pending";
let signIn = null;

function entraSession() {
  const stored = sessionStorage.getItem(ENTRA);
  if (!stored) return null;
  const session = JSON.parse(stored);
  // A minute's margin: a token about to expire is refused by the API before the call completes.
  return session.expiresAt - 60_000 > Date.now() ? session : null;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomText(size) {
  return base64Url(crypto.getRandomValues(new Uint8Array(size)));
}

function redirectAddress() {
  return `${location.origin}${location.pathname}`;
}

async function startEntraSignIn() {
  const verifier = randomText(32);
  const state = randomText(16);
  const challenge = base64Url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  sessionStorage.setItem(ENTRA_PENDING, JSON.stringify({ verifier, state }));
  const address = new URL(signIn.authorize);
  for (const [name, value] of Object.entries({
    client_id: signIn.clientId,
    response_type: "code",
    response_mode: "query",
    redirect_uri: redirectAddress(),
    scope: `${signIn.scope} openid profile`,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state,
  })) address.searchParams.set(name, value);
  location.assign(address.toString());
}

// Back from the sign-in page: ?code=…&state=… (or ?error=…). Redeems the code, then takes the query off the address.
async function finishEntraSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has("code") && !query.has("error")) return;
  history.replaceState(null, "", redirectAddress());
  const pending = JSON.parse(sessionStorage.getItem(ENTRA_PENDING) || "null");
  sessionStorage.removeItem(ENTRA_PENDING);
  if (query.has("error")) throw new SignedOut(`Sign-in did not complete: ${query.get("error_description") || query.get("error")}`);
  if (!pending || pending.state !== query.get("state")) throw new SignedOut("Sign-in did not complete: the answer was not for this tab; sign in again.");
  const response = await fetch(signIn.token, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: signIn.clientId,
      grant_type: "authorization_code",
      code: query.get("code"),
      redirect_uri: redirectAddress(),
      code_verifier: pending.verifier,
      scope: `${signIn.scope} openid profile`,
    }),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.access_token) {
    throw new SignedOut(`Sign-in did not complete: ${answer.error_description || response.status}`);
  }
  sessionStorage.setItem(ENTRA, JSON.stringify({
    token: answer.access_token,
    expiresAt: Date.now() + Number(answer.expires_in || 3600) * 1000,
    name: nameIn(answer.id_token),
    roles: claimsIn(answer.access_token).roles || [],
  }));
}

// A token's claims, read without checking them: for what the desk shows only (the API checks the access token).
function claimsIn(token) {
  try {
    const base64 = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
  } catch {
    return {};
  }
}

function nameIn(idToken) {
  const claims = claimsIn(idToken);
  return claims.name || claims.preferred_username || "";
}

// Approving, republishing and unpublishing take the Publisher role; a key holder may do all. The desk offers what the
// signed-in person may do (the API decides either way).
function mayPublish() {
  const person = entraSession();
  return !person || (person.roles || []).includes("Publisher");
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { ...credentials(), ...(options.body ? { "content-type": "application/json" } : {}) },
  });
  const text = await response.text();
  const body = text && (response.headers.get("content-type") || "").includes("json") ? JSON.parse(text) : null;
  // A refused key gets the status alone (as from the Functions host); a refused token says why.
  if (response.status === 401) throw new SignedOut(body && body.message ? body.message : "the key was refused");
  if (!response.ok) {
    const message = body && body.message ? body.message : `${response.status} ${response.statusText}`;
    throw new Error(message);
  }
  return body;
}

function showSignIn(message) {
  openDesk = false;
  clearInterval(timer);
  following.clear();
  timer = null;
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(ENTRA);
  $("work").hidden = true;
  $("sign-out").hidden = true;
  $("signed-in-as").hidden = true;
  $("entra-sign-in").hidden = !signIn;
  $("sign-in").hidden = false;
  say(message || "", Boolean(message));
  $("key").focus();
}

async function showWork() {
  $("sign-in").hidden = true;
  $("work").hidden = false;
  $("sign-out").hidden = openDesk && !sessionStorage.getItem(KEY);
  const person = entraSession();
  $("signed-in-as").hidden = !person || !person.name;
  $("signed-in-as").textContent = person && person.name ? `Signed in as ${person.name}` : "";
  await Promise.all([refresh(), refreshArticles(), refreshLinks(), refreshSections(), refreshAudit(), refreshPoison()]);
  if (!timer) timer = setInterval(() => refresh().catch(() => {}), REFRESH_MS);
}

async function guarded(action) {
  try {
    await action();
    // What was just done shows in the audit log at once (a failed read of the log is no failure of the action).
    if (!$("work").hidden) refreshAudit().catch(() => {});
  } catch (error) {
    if (error instanceof SignedOut) showSignIn(error.message ? `Signed out: ${error.message}.` : "");
    else say(error.message, true);
  }
}

function when(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleString();
}

// ---- upload -------------------------------------------------------------------------------------------------
// Files go from the browser straight to the uploads container: the API signs an address for each file's one name
// (POST /api/upload-grants), the browser PUTs the file there with its progress shown, then follows the upload's state.

const PARALLEL_UPLOADS = 3;
const FOLLOW_MS = 1500;
const FOLLOW_LIMIT_MS = 5 * 60 * 1000;

const FOLLOW_BATCH = 25;

// Statuses of several uploads in one call, by name; an upload not seen yet is absent.
async function statusesOf(names) {
  const found = new Map();
  for (let start = 0; start < names.length; start += FOLLOW_BATCH) {
    const query = names.slice(start, start + FOLLOW_BATCH).map((n) => `upload=${encodeURIComponent(n)}`).join("&");
    const { uploads } = await api(`/api/uploads?${query}`);
    for (const upload of uploads) found.set(upload.name, upload);
  }
  return found;
}

// What an editor wants to know about an upload: is it on the site, waiting for someone, or refused, and why.
function describe(status) {
  if (!status) return { text: "uploaded; waiting for the pipeline to pick it up", done: false, state: "received" };
  const articles = status.articles || [];
  if (status.state === "failed") return { text: `failed: ${status.reason || "no reason given"}`, done: true, state: "failed" };
  if (status.state === "waiting") return { text: `waiting: ${status.reason || "for its article"}`, done: true, state: "waiting" };
  if (status.state !== "published") return { text: status.state === "retrying" ? `retrying: ${status.reason || ""}` : "received; reading it", done: false, state: status.state };
  const held = articles.filter((a) => a.state === "review").length;
  const pending = articles.filter((a) => a.state === "published" && a.renderedVersion < a.version).length;
  const live = articles.filter((a) => a.state === "published" && a.renderedVersion >= a.version).length;
  if (pending > 0) return { text: `read ${articles.length} article${articles.length === 1 ? "" : "s"}; rendering pages`, done: false, state: "received" };
  const parts = [];
  if (live) parts.push(`${live} live`);
  if (held) parts.push(`${held} in review`);
  const other = articles.length - live - held;
  if (other) parts.push(`${other} scheduled or not shown`);
  if (status.shownWith) parts.push(`shown with ${status.shownWith}`);
  const text = parts.length ? parts.join(", ") : "published";
  return { text, done: true, state: held && !live ? "review" : "published", articles };
}

function uploadItem(name) {
  const progress = element("progress", { max: 1, value: 0 });
  progress.setAttribute("aria-label", `Upload of ${name}`);
  const state = element("p", { class: "state", role: "status", textContent: "waiting to upload" });
  const links = element("span", { class: "links" });
  const row = element("li", { "data-name": name }, element("span", { class: "name", textContent: name, dir: "auto" }), progress, state, links);
  return { row, progress, state, links };
}

function showState(item, described) {
  item.state.textContent = described.text;
  item.state.className = `state state-${described.state}`;
  item.row.dataset.state = described.state;
  item.links.replaceChildren(...(described.articles || []).filter((a) => a.url && a.state === "published")
    .map((a) => element("a", { href: a.url, textContent: a.headline, dir: "auto" })));
}

function putFile(url, file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", url);
    request.setRequestHeader("x-ms-blob-type", "BlockBlob");
    request.setRequestHeader("content-type", file.type || "application/octet-stream");
    request.upload.addEventListener("progress", (event) => { if (event.lengthComputable) onProgress(event.loaded, event.total); });
    request.addEventListener("load", () => {
      if (request.status >= 200 && request.status < 300) resolve();
      else reject(new Error(`storage refused the file (${request.status} ${request.getResponseHeader("x-ms-error-code") || request.statusText})`));
    });
    request.addEventListener("error", () => reject(new Error("storage could not be reached; check the connection and try again")));
    request.send(file);
  });
}

// Every upload of this tab still on its way, followed together: one call a round for up to 25 of them.
const following = new Map();
let followTimer = null;

function follow(name, item, before) {
  following.set(name, { item, before, started: Date.now() });
  if (!followTimer) followTimer = setTimeout(followRound, FOLLOW_MS);
}

async function followRound() {
  followTimer = null;
  try {
    const found = await statusesOf([...following.keys()]);
    let finished = false;
    for (const [name, entry] of following) {
      const status = found.get(name);
      const described = describe(status && status.receivedAt !== entry.before ? status : null);
      showState(entry.item, described);
      if (!described.done && Date.now() - entry.started > FOLLOW_LIMIT_MS) {
        entry.item.state.textContent += " (still going: see Recent uploads)";
        described.done = true;
      }
      if (described.done) {
        following.delete(name);
        finished = true;
      }
    }
    if (finished) await Promise.all([refresh(), refreshArticles(), refreshSections()]);
  } catch (error) {
    if (error instanceof SignedOut) {
      following.clear();
      showSignIn(`Signed out: ${error.message}.`);
      return;
    }
    // A missed round is retried on the next one.
  }
  if (following.size > 0) followTimer = setTimeout(followRound, FOLLOW_MS);
}

async function uploadOne(entry, before) {
  const { item, grant } = entry;
  if (grant.error) {
    showState(item, { text: `not uploaded: ${grant.error.message}`, state: "failed" });
    item.progress.hidden = true;
    return;
  }
  item.state.textContent = "uploading";
  await putFile(grant.url, entry.file, (loaded, total) => {
    item.progress.max = total;
    item.progress.value = loaded;
    item.state.textContent = `uploading ${Math.floor((loaded / total) * 100)} %`;
  });
  item.progress.value = item.progress.max;
  showState(item, describe(null));
  follow(grant.name, item, before);
}

async function uploadAll(entries) {
  const section = $("upload-section").value.trim();
  const list = $("upload-list");
  for (const entry of entries) {
    entry.item = uploadItem(section ? `${section}/${entry.path}` : entry.path);
    list.prepend(entry.item.row);
  }
  for (let start = 0; start < entries.length; start += 100) {
    const batch = entries.slice(start, start + 100);
    const answer = await api("/api/upload-grants", {
      method: "POST",
      body: JSON.stringify({ section: section || null, files: batch.map((e) => ({ name: e.path, size: e.file.size })) }),
    });
    answer.items.forEach((grant, index) => {
      batch[index].grant = grant;
      if (grant.name) {
        batch[index].item.row.dataset.name = grant.name;
        batch[index].item.row.querySelector(".name").textContent = grant.name;
      }
    });
  }
  // A file uploaded again under a name already seen: its state counts once the pipeline has received it again (a
  // new receivedAt; the old status's updatedAt can still move, when a picture or a render updates it).
  const earlier = await statusesOf(entries.filter((e) => e.grant.url).map((e) => e.grant.name));
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const entry = entries[next++];
      try {
        await uploadOne(entry, earlier.get(entry.grant.name)?.receivedAt);
      } catch (error) {
        if (error instanceof SignedOut) throw error;
        showState(entry.item, { text: `not uploaded: ${error.message}`, state: "failed" });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, entries.length) }, worker));
}

function hidden(path) {
  return path.split("/").some((part) => part.startsWith("."));
}

// A chosen folder's files come with the folder's own name first; they keep their paths below it, as with the CLI.
function fromInput(files, isFolder) {
  return Array.from(files).map((file) => ({
    file,
    path: isFolder && file.webkitRelativePath ? file.webkitRelativePath.split("/").slice(1).join("/") : file.name,
  }));
}

async function fromDrop(dataTransfer) {
  const out = [];
  for (const item of Array.from(dataTransfer.items || [])) {
    const entry = item.webkitGetAsEntry && item.webkitGetAsEntry();
    // A dropped folder's files keep their paths below it, as with a chosen folder.
    if (entry && entry.isDirectory) await readChildren(entry, "", out);
    else if (entry) await readTree(entry, "", out);
  }
  if (out.length === 0) for (const file of Array.from(dataTransfer.files || [])) out.push({ file, path: file.name });
  return out;
}

async function readTree(entry, prefix, out) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    out.push({ file, path: prefix + file.name });
  } else {
    await readChildren(entry, `${prefix}${entry.name}/`, out);
  }
}

// A folder's entries arrive in batches until an empty one.
async function readChildren(folder, prefix, out) {
  const reader = folder.createReader();
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await readTree(child, prefix, out);
  }
}

function start(entries) {
  const wanted = entries.filter((e) => !hidden(e.path));
  const skipped = entries.length - wanted.length;
  if (wanted.length === 0) {
    say(skipped ? "Only hidden files were chosen; nothing to upload." : "No files were chosen.", true);
    return;
  }
  say(`Uploading ${wanted.length} file${wanted.length === 1 ? "" : "s"}${skipped ? ` (${skipped} hidden skipped)` : ""}.`);
  guarded(() => uploadAll(wanted));
}

for (const [id, isFolder] of [["upload-files", false], ["upload-folder", true]]) {
  $(id).addEventListener("change", (event) => {
    start(fromInput(event.target.files, isFolder));
    event.target.value = "";
  });
}
const drop = $("drop");
drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  fromDrop(event.dataTransfer).then(start, (error) => say(`The dropped files could not be read: ${error.message}`, true));
});
$("upload-form").addEventListener("submit", (event) => event.preventDefault());

async function refreshSections() {
  const { items } = await api("/api/articles?top=100");
  const sections = [...new Set(items.map((a) => a.section))].sort();
  $("sections").replaceChildren(...sections.map((s) => element("option", { value: s })));
}

// ---- review -------------------------------------------------------------------------------------------------

function field(id, label, value, multiline = false) {
  const input = multiline
    ? element("textarea", { id, rows: 3, dir: "auto" })
    : element("input", { type: "text", id, dir: "auto" });
  input.value = value || "";
  return [element("label", { htmlFor: id, textContent: label }), input];
}

function reviewCard(article) {
  const id = article.id;
  const [headlineLabel, headline] = field(`headline-${id}`, "Headline", article.headline);
  const publisher = mayPublish();
  const approve = element("button", { type: "button", textContent: "Approve and publish", disabled: !publisher });
  const roleHint = publisher ? null : element("p", { class: "hint", id: `approve-hint-${id}`, textContent: "Approving takes the Publisher role; you can correct and reject." });
  if (roleHint) approve.setAttribute("aria-describedby", roleHint.id);
  const reject = element("button", { type: "button", class: "secondary", textContent: "Reject" });
  const reasons = element("ul", { class: "reasons" });
  for (const reason of article.reviewReasons || []) reasons.append(element("li", { textContent: reason }));

  // The rest of what the pipeline read, filled in once the article's content is fetched.
  const details = element("div", { class: "details" });
  const read = element("div", { class: "source" });
  const original = {};
  const inputs = {};
  api(`/api/articles/${encodeURIComponent(id)}`).then(({ content }) => {
    const values = {
      byline: content.byline,
      summary: (content.summary || []).join("\n"),
      caption: content.caption,
      credit: content.imageCredit,
    };
    const labels = { byline: "Byline", summary: "Summary (one point a line)", caption: "Picture caption", credit: "Picture credit" };
    for (const [name, value] of Object.entries(values)) {
      const [label, input] = field(`${name}-${id}`, labels[name], value, name === "summary");
      original[name] = input.value;
      inputs[name] = input;
      details.append(label, input);
    }
    const paragraphs = [content.dateline ? `${content.dateline}:` : "", ...(content.paragraphs || []).slice(0, 3)].filter(Boolean);
    read.append(element("p", { class: "hint", textContent: "The story as read (first paragraphs):" }));
    for (const text of paragraphs) read.append(element("p", { textContent: text, dir: "auto" }));
  }).catch(() => read.append(element("p", { class: "hint", textContent: "The story's text could not be loaded." })));

  approve.addEventListener("click", () => guarded(async () => {
    approve.disabled = reject.disabled = true;
    const corrections = {};
    const newHeadline = headline.value.trim();
    if (newHeadline && newHeadline !== article.headline) corrections.headline = newHeadline;
    for (const [name, input] of Object.entries(inputs)) {
      if (input.value === original[name]) continue;
      corrections[name] = name === "summary"
        ? input.value.split("\n").map((line) => line.trim()).filter(Boolean)
        : input.value.trim();
    }
    try {
      const published = await api(`/api/articles/${encodeURIComponent(id)}/approve`, { method: "POST", body: JSON.stringify(corrections) });
      say(`Published “${published.headline}”.`);
      await Promise.all([refresh(), refreshArticles()]);
    } finally {
      approve.disabled = !publisher;
      reject.disabled = false;
    }
  }));
  reject.addEventListener("click", () => guarded(async () => {
    approve.disabled = reject.disabled = true;
    try {
      await api(`/api/articles/${encodeURIComponent(id)}/reject`, { method: "POST" });
      say(`Rejected “${article.headline}”.`);
      await refresh();
    } finally {
      approve.disabled = !publisher;
      reject.disabled = false;
    }
  }));

  // The page as it would be published, in a new tab: a preview made now, valid 15 minutes, that runs no script.
  const preview = element("button", { type: "button", class: "secondary", textContent: "Preview the page" });
  const previewLink = element("p", { class: "preview-link" });
  preview.addEventListener("click", () => guarded(async () => {
    const made = await api(`/api/articles/${encodeURIComponent(id)}/preview`, { method: "POST" });
    previewLink.replaceChildren(element("a", { href: made.url, target: "_blank", rel: "noopener", textContent: `Open the preview of “${article.headline}”` }),
      ` (until ${new Date(made.expiresAt).toLocaleTimeString()})`);
  }));

  return element("li", { class: "card", "data-article": id },
    element("h3", { textContent: article.headline, dir: "auto" }),
    element("p", { class: "meta", textContent: `${article.section} · from ${article.sourceBlob} · version ${article.version}` }),
    element("p", { textContent: "Held because:" }),
    reasons,
    element("div", { class: "review-grid" },
      element("div", {}, headlineLabel, headline, details),
      read),
    element("div", { class: "actions" }, approve, reject, preview),
    ...(roleHint ? [roleHint] : []),
    previewLink);
}

async function refreshReview() {
  const { items } = await api("/api/review?top=50");
  const list = $("review");
  // Keep a card an editor is typing in: replace the list only when the held articles changed.
  const ids = items.map((a) => a.id).join(",");
  if (list.dataset.ids === ids) return;
  list.dataset.ids = ids;
  list.replaceChildren(...items.map(reviewCard));
  $("review-empty").hidden = items.length > 0;
}

// ---- uploads ------------------------------------------------------------------------------------------------

function uploadRow(upload) {
  const actions = element("td");
  if (upload.state === "failed") {
    const retry = element("button", { type: "button", class: "secondary", textContent: "Retry" });
    retry.setAttribute("aria-label", `Retry ${upload.name}`);
    retry.addEventListener("click", () => guarded(async () => {
      retry.disabled = true;
      const path = upload.name.split("/").map(encodeURIComponent).join("/");
      const result = await api(`/api/uploads/${path}/retry`, { method: "POST" });
      say(`${upload.name}: ${result.state}.`);
      await refresh();
    }));
    actions.append(retry);
  }
  const reason = upload.reason || (upload.warningCount > 0 ? `${upload.warningCount} warning${upload.warningCount === 1 ? "" : "s"}` : "");
  return element("tr", { "data-upload": upload.name },
    element("td", { class: "name", textContent: upload.name }),
    element("td", { class: `state state-${upload.state}`, textContent: upload.state }),
    element("td", { textContent: `${upload.articleIds.length} article${upload.articleIds.length === 1 ? "" : "s"}` }),
    element("td", { textContent: when(upload.updatedAt) }),
    element("td", { textContent: reason, dir: "auto" }),
    actions);
}

async function refreshUploads() {
  const { uploads } = await api("/api/uploads?top=50");
  const table = $("uploads");
  table.tBodies[0].replaceChildren(...uploads.map(uploadRow));
  table.hidden = uploads.length === 0;
  $("uploads-empty").hidden = uploads.length > 0;
}

// ---- articles -----------------------------------------------------------------------------------------------

const FIELD_LABELS = { headline: "Headline", byline: "Byline", summary: "Summary", dateline: "Dateline", caption: "Picture caption", credit: "Picture credit", body: "Story" };
let articlesContinuation = null;
let shownArticles = [];
const openArticles = new Set();

function diffText(spans) {
  const paragraph = element("p", { class: "diff", dir: "auto" });
  for (const span of spans) {
    if (span.kind === "same") paragraph.append(span.text);
    else {
      const mark = element(span.kind === "added" ? "ins" : "del", {},
        element("span", { class: "visually-hidden", textContent: span.kind === "added" ? " [added: " : " [removed: " }),
        span.text,
        element("span", { class: "visually-hidden", textContent: "] " }));
      paragraph.append(mark);
    }
  }
  return paragraph;
}

async function compare(id, from, to, out) {
  const diff = await api(`/api/articles/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`);
  const changed = diff.fields.filter((f) => f.changed);
  const parts = [element("p", { class: "hint", textContent: changed.length
    ? `Version ${diff.from.version} → ${diff.to.version}: ${changed.map((f) => FIELD_LABELS[f.field] || f.field).join(", ")} changed.`
    : `Versions ${diff.from.version} and ${diff.to.version} read the same.` })];
  for (const field of changed) parts.push(element("h4", { textContent: FIELD_LABELS[field.field] || field.field }), diffText(field.spans));
  out.replaceChildren(...parts);
}

function versionPicker(id, label, versions, selected) {
  const select = element("select", { id });
  for (const v of versions) select.append(element("option", { value: String(v.version), textContent: `${v.version} · ${when(v.at)}`, selected: v.version === selected }));
  return [element("label", { htmlFor: id, textContent: label }), select];
}

async function articleDetails(article, box) {
  const { article: full, content, versions, audit } = await api(`/api/articles/${encodeURIComponent(article.id)}`);
  const facts = element("dl", { class: "facts" });
  const fact = (name, value) => { if (value) facts.append(element("dt", { textContent: name }), element("dd", { textContent: value, dir: "auto" })); };
  fact("State", full.state === "review" ? "in review" : full.state);
  fact("Section", full.section);
  fact("Tags", (full.tags || []).join(", "));
  fact("Byline", content && content.byline);
  fact("Published", when(full.publishedAt));
  fact("Updated", when(full.updatedAt));
  fact("Short link", full.shortUrl);
  fact("From", full.sourceBlob);
  const parts = [facts];
  if (full.url && full.state === "published") parts.push(element("p", {}, element("a", { href: full.url, textContent: "Open its page" })));

  const ordered = [...versions].sort((a, b) => b.version - a.version);
  const list = element("ol", { class: "versions", reversed: true });
  for (const v of ordered) list.append(element("li", { value: v.version, textContent: `${when(v.at)} · “${v.headline}” · from ${v.sourceBlob}`, dir: "auto" }));
  parts.push(element("h4", { textContent: `Versions (${versions.length})` }), list);
  if (audit && audit.length) {
    const history = element("ul", { class: "history" });
    for (const entry of audit) {
      history.append(element("li", { textContent: `${when(entry.at)} · ${actorOf(entry)} ${ACTION_WORDS[entry.action] || entry.action}${entry.detail ? ` (${entry.detail})` : ""}`, dir: "auto" }));
    }
    parts.push(element("h4", { textContent: "History" }), history);
  }
  if (versions.length > 1) {
    const out = element("div", { class: "diff-out", "aria-live": "polite" });
    const [fromLabel, from] = versionPicker(`from-${article.id}`, "Compare version", ordered, ordered[1].version);
    const [toLabel, to] = versionPicker(`to-${article.id}`, "with version", ordered, ordered[0].version);
    const go = element("button", { type: "button", class: "secondary", textContent: "Compare" });
    go.setAttribute("aria-label", `Compare versions of ${article.headline}`);
    go.addEventListener("click", () => guarded(() => compare(article.id, from.value, to.value, out)));
    parts.push(element("div", { class: "compare" }, element("div", {}, fromLabel, from), element("div", {}, toLabel, to), element("div", { class: "actions" }, go)), out);
  }
  box.replaceChildren(...parts);
}

function articleCard(article, state) {
  const details = element("button", { type: "button", class: "secondary", textContent: "Details" });
  details.setAttribute("aria-label", `Details of ${article.headline}`);
  details.setAttribute("aria-expanded", "false");
  const box = element("div", { class: "article-details", hidden: true });
  const show = async (open) => {
    if (open) await articleDetails(article, box);
    box.hidden = !open;
    details.setAttribute("aria-expanded", String(open));
  };
  details.addEventListener("click", () => guarded(async () => {
    const open = box.hidden;
    if (open) openArticles.add(article.id);
    else openArticles.delete(article.id);
    await show(open);
  }));
  // The list is drawn again when uploads finish; what an editor opened stays open.
  if (openArticles.has(article.id)) guarded(() => show(true));
  const actions = element("div", { class: "actions" }, details);
  if (state === "published" && mayPublish()) {
    const republish = element("button", { type: "button", class: "secondary", textContent: "Republish" });
    republish.setAttribute("aria-label", `Republish ${article.headline}`);
    republish.addEventListener("click", () => guarded(async () => {
      republish.disabled = true;
      try {
        await api("/api/articles/republish", { method: "POST", body: JSON.stringify({ id: article.id }) });
        say(`Republishing “${article.headline}”: its page is rendered again in a moment.`);
      } finally {
        republish.disabled = false;
      }
    }));
    const unpublish = element("button", { type: "button", class: "secondary", textContent: "Unpublish" });
    unpublish.setAttribute("aria-label", `Unpublish ${article.headline}`);
    unpublish.addEventListener("click", () => guarded(async () => {
      if (!window.confirm(`Unpublish “${article.headline}”? Its page will say it was removed.`)) return;
      unpublish.disabled = true;
      await api(`/api/articles/${encodeURIComponent(article.id)}`, { method: "DELETE" });
      say(`Unpublished “${article.headline}”.`);
      await refreshArticles();
    }));
    actions.append(republish, unpublish);
  }
  const title = element("h3", { dir: "auto" });
  title.append(article.url && state === "published" ? element("a", { href: article.url, textContent: article.headline }) : article.headline);
  const meta = state === "published"
    ? `${article.section} · published ${when(article.publishedAt)} · ${article.shortUrl}`
    : `${article.section} · in review · from ${article.sourceBlob}`;
  return element("li", { class: "card", "data-article": article.id }, title, element("p", { class: "meta", textContent: meta }), actions, box);
}

function showArticles() {
  const text = $("articles-search").value.trim().toLowerCase();
  const state = $("articles-state").value;
  const visible = shownArticles.filter((a) => !text || [a.headline, a.section, ...(a.tags || [])].some((v) => (v || "").toLowerCase().includes(text)));
  $("articles").replaceChildren(...visible.map((a) => articleCard(a, state)));
  $("articles-empty").hidden = visible.length > 0;
  $("articles-more").hidden = !articlesContinuation;
}

async function refreshArticles(more = false) {
  const state = $("articles-state").value;
  const params = [`top=20`];
  if (state === "published") {
    for (const name of ["section", "tag", "month"]) {
      const value = $(`articles-${name}`).value.trim();
      if (value) params.push(`${name}=${encodeURIComponent(name === "section" ? value.toLowerCase() : value)}`);
    }
  }
  if (more && articlesContinuation) params.push(`continuation=${encodeURIComponent(articlesContinuation)}`);
  const { items, continuation } = await api(`${state === "review" ? "/api/review" : "/api/articles"}?${params.join("&")}`);
  shownArticles = more ? shownArticles.concat(items) : items;
  articlesContinuation = continuation || null;
  showArticles();
}

$("articles-form").addEventListener("submit", (event) => {
  event.preventDefault();
  guarded(() => refreshArticles());
});
$("articles-search").addEventListener("input", showArticles);
$("articles-more").addEventListener("click", () => guarded(() => refreshArticles(true)));
$("articles-state").addEventListener("change", () => guarded(() => refreshArticles()));

// ---- links --------------------------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";
const CHART_DAYS = 30;
let linksContinuation = null;
let shownLinks = [];

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children) node.append(child);
  return node;
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

// The last 30 UTC days, days without clicks as zeros: people and bots stacked, people at the bottom.
function clicksChart(code, totals) {
  const byDay = new Map((totals.days || []).map((d) => [d.day, d]));
  const days = [];
  const today = new Date();
  for (let i = CHART_DAYS - 1; i >= 0; i--) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i)).toISOString().slice(0, 10);
    const found = byDay.get(day);
    days.push({ day, clicks: found ? found.clicks : 0, bots: found ? found.bots : 0 });
  }
  const top = Math.max(1, ...days.map((d) => d.clicks + d.bots));
  const width = 600, height = 140, barWidth = width / CHART_DAYS;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height + 20}`, class: "chart", role: "img", "aria-labelledby": `chart-title-${code}` },
    svg("title", { id: `chart-title-${code}` }, `Clicks of ${code} by day, last ${CHART_DAYS} days: ${plural(totals.clicks, "person", "people")} and ${plural(totals.bots, "bot", "bots")} in all`));
  days.forEach((d, i) => {
    const people = (d.clicks / top) * height;
    const bots = (d.bots / top) * height;
    const x = i * barWidth + 1;
    if (people > 0) chart.append(svg("rect", { class: "people", x, y: height - people, width: barWidth - 2, height: people }, svg("title", {}, `${d.day}: ${plural(d.clicks, "person", "people")}`)));
    if (bots > 0) chart.append(svg("rect", { class: "bots", x, y: height - people - bots, width: barWidth - 2, height: bots }, svg("title", {}, `${d.day}: ${plural(d.bots, "bot", "bots")}`)));
  });
  chart.append(svg("line", { x1: 0, y1: height, x2: width, y2: height, class: "axis" }),
    svg("text", { x: 0, y: height + 16, class: "label" }, days[0].day),
    svg("text", { x: width, y: height + 16, class: "label", "text-anchor": "end" }, days[days.length - 1].day),
    svg("text", { x: 0, y: 12, class: "label" }, `${top} a day`));

  // The same figures as a table, for screen readers and for copying.
  const rows = days.filter((d) => d.clicks + d.bots > 0).map((d) =>
    element("tr", {}, element("td", { textContent: d.day }), element("td", { textContent: String(d.clicks) }), element("td", { textContent: String(d.bots) })));
  const table = element("table", { class: "days" },
    element("caption", { textContent: rows.length ? "Days with clicks" : "No clicks in the last 30 days" }),
    element("thead", {}, element("tr", {}, element("th", { scope: "col", textContent: "Day (UTC)" }), element("th", { scope: "col", textContent: "People" }), element("th", { scope: "col", textContent: "Bots" }))),
    element("tbody", {}, ...rows));
  const legend = element("p", { class: "legend" },
    element("span", { class: "key people" }), " people ", element("span", { class: "key bots" }), " bots");
  return element("div", { class: "chart-box" }, chart, legend, table);
}

async function downloadQr(link, format) {
  const response = await fetch(`/api/links/${encodeURIComponent(link.code)}/qr${format === "png" ? "?format=png" : ""}`, { headers: credentials() });
  if (response.status === 401) throw new SignedOut("the key was refused");
  if (!response.ok) throw new Error(`the QR code could not be made (${response.status})`);
  const url = URL.createObjectURL(await response.blob());
  const anchor = element("a", { href: url, download: `${link.code}.${format}` });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function localInput(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function editForm(link, done) {
  const id = `edit-${link.code}`;
  const [urlLabel, url] = field(`${id}-url`, "Leads to", link.url);
  const [titleLabel, title] = field(`${id}-title`, "Title", link.title);
  const expires = element("input", { type: "datetime-local", id: `${id}-expires`, value: localInput(link.expiresAt) });
  const save = element("button", { type: "submit", textContent: "Save changes" });
  const form = element("form", { class: "edit" }, urlLabel, url, titleLabel, title,
    element("label", { htmlFor: expires.id, textContent: "Expires (empty: never)" }), expires, element("div", { class: "actions" }, save));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    guarded(async () => {
      const change = {};
      if (url.value.trim() !== link.url) change.url = url.value.trim();
      if (title.value.trim() !== (link.title || "")) change.title = title.value.trim();
      if (expires.value !== localInput(link.expiresAt)) {
        if (expires.value) change.expiresAt = new Date(expires.value).toISOString();
        else change.clearExpiry = true;
      }
      if (Object.keys(change).length === 0) {
        say(`Nothing changed on ${link.shortUrl}.`);
        return;
      }
      const updated = await api(`/api/links/${encodeURIComponent(link.code)}`, { method: "PATCH", body: JSON.stringify(change) });
      say(`Saved ${updated.shortUrl} → ${updated.url}`);
      await done();
    });
  });
  return form;
}

function linkRows(link) {
  const detail = element("tr", { class: "detail", hidden: true, "data-detail": link.code });
  const detailCell = element("td", { colSpan: 4 });
  detail.append(detailCell);

  const clicks = element("td", { class: "clicks" });
  const count = element("button", { type: "button", class: "secondary", textContent: "Show clicks" });
  count.setAttribute("aria-label", `Show clicks of ${link.code}`);
  count.setAttribute("aria-expanded", "false");
  count.addEventListener("click", () => guarded(async () => {
    const details = await api(`/api/links/${encodeURIComponent(link.code)}`);
    const totals = details.clicks;
    clicks.replaceChildren(`${plural(totals.clicks, "person", "people")}, ${plural(totals.bots, "bot", "bots")}`);
    const svgButton = element("button", { type: "button", class: "secondary", textContent: "QR code (SVG)" });
    const pngButton = element("button", { type: "button", class: "secondary", textContent: "QR code (PNG)" });
    svgButton.setAttribute("aria-label", `Download the QR code of ${link.code} as SVG`);
    pngButton.setAttribute("aria-label", `Download the QR code of ${link.code} as PNG`);
    svgButton.addEventListener("click", () => guarded(() => downloadQr(link, "svg")));
    pngButton.addEventListener("click", () => guarded(() => downloadQr(link, "png")));
    const parts = [clicksChart(link.code, totals), element("div", { class: "actions" }, svgButton, pngButton)];
    if (!link.archivedAt) parts.push(element("h3", { textContent: `Change ${link.code}` }), editForm(details, refreshLinks));
    detailCell.replaceChildren(...parts);
    detail.hidden = false;
  }));
  clicks.append(count);

  const archive = element("button", { type: "button", class: "secondary", textContent: "Archive" });
  archive.setAttribute("aria-label", `Archive ${link.code}`);
  archive.addEventListener("click", () => guarded(async () => {
    if (!window.confirm(`Archive ${link.shortUrl}? It will answer “gone” from now on.`)) return;
    await api(`/api/links/${encodeURIComponent(link.code)}`, { method: "DELETE" });
    say(`Archived ${link.shortUrl}.`);
    await refreshLinks();
  }));

  const target = element("td", { class: "name" });
  target.append(element("span", { textContent: link.url, dir: "ltr" }));
  if (link.title) target.append(element("br"), element("span", { class: "hint", textContent: link.title, dir: "auto" }));
  const facts = [link.tags && link.tags.length ? `tags: ${link.tags.join(", ")}` : "", link.expiresAt ? `expires ${when(link.expiresAt)}` : ""].filter(Boolean);
  if (facts.length) target.append(element("br"), element("span", { class: "hint", textContent: facts.join(" · ") }));
  const row = element("tr", { "data-link": link.code },
    element("td", {}, element("a", { href: link.shortUrl, textContent: link.shortUrl.replace(/^https?:\/\//, "") })),
    target,
    clicks,
    element("td", {}, link.archivedAt ? "archived" : archive));
  return [row, detail];
}

function matches(link, text) {
  if (!text) return true;
  const needle = text.toLowerCase();
  return [link.code, link.url, link.title || "", ...(link.tags || [])].some((value) => value.toLowerCase().includes(needle));
}

function showLinks() {
  const text = $("links-search").value.trim();
  const visible = shownLinks.filter((link) => matches(link, text));
  const table = $("links");
  table.tBodies[0].replaceChildren(...visible.flatMap(linkRows));
  table.hidden = visible.length === 0;
  $("links-empty").textContent = shownLinks.length === 0 ? "No links yet." : "No link shown matches.";
  $("links-empty").hidden = visible.length > 0;
  $("links-more").hidden = !linksContinuation;
}

async function refreshLinks(more = false) {
  const tag = $("links-tag").value.trim();
  const query = [`top=50`, tag ? `tag=${encodeURIComponent(tag)}` : "", more && linksContinuation ? `continuation=${encodeURIComponent(linksContinuation)}` : ""].filter(Boolean).join("&");
  const { links, continuation } = await api(`/api/links?${query}`);
  shownLinks = more ? shownLinks.concat(links) : links;
  linksContinuation = continuation || null;
  showLinks();
}

$("links-filter").addEventListener("submit", (event) => {
  event.preventDefault();
  guarded(() => refreshLinks());
});
$("links-search").addEventListener("input", showLinks);
$("links-more").addEventListener("click", () => guarded(() => refreshLinks(true)));

function tagsOf(text) {
  return text.split(/[,;]/).map((t) => t.trim()).filter(Boolean);
}

$("link-form").addEventListener("submit", (event) => {
  event.preventDefault();
  guarded(async () => {
    const body = { url: $("link-url").value.trim() };
    if ($("link-code").value.trim()) body.code = $("link-code").value.trim();
    if ($("link-title").value.trim()) body.title = $("link-title").value.trim();
    if ($("link-expires").value) body.expiresAt = new Date($("link-expires").value).toISOString();
    const tags = tagsOf($("link-tags").value);
    if (tags.length) body.tags = tags;
    const link = await api("/api/links", { method: "POST", body: JSON.stringify(body) });
    $("link-form").reset();
    say(`Created ${link.shortUrl} → ${link.url}`);
    await refreshLinks();
  });
});

// ---- links from a CSV file ----------------------------------------------------------------------------------

// RFC 4180 fields: commas and line breaks inside double quotes, "" for a quote. Returns rows of fields.
function parseCsv(text) {
  const rows = [];
  let row = [], fieldText = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { fieldText += '"'; i++; }
      else if (c === '"') quoted = false;
      else fieldText += c;
    } else if (c === '"' && fieldText === "") quoted = true;
    else if (c === ",") { row.push(fieldText); fieldText = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(fieldText); fieldText = "";
      rows.push(row); row = [];
    } else fieldText += c;
  }
  if (fieldText !== "" || row.length) { row.push(fieldText); rows.push(row); }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

// Each data row as a link request, or the reason it cannot be one; row numbers count the header as row 1.
function linkRequests(rows) {
  const header = rows[0].map((h) => h.trim().toLowerCase());
  if (!header.includes("url")) throw new Error("the CSV file has no 'url' column in its first row");
  const column = (cells, name) => { const i = header.indexOf(name); return i >= 0 && cells[i] !== undefined ? cells[i].trim() : ""; };
  return rows.slice(1).map((cells, i) => {
    const request = { url: column(cells, "url") };
    for (const name of ["code", "title"]) if (column(cells, name)) request[name] = column(cells, name);
    const expires = column(cells, "expires") || column(cells, "expiresat");
    if (expires) {
      const withZone = /([zZ]|[+-]\d\d:?\d\d)$/.test(expires) ? expires : `${expires}${expires.length <= 10 ? "T00:00:00" : ""}Z`;
      const date = new Date(withZone);
      if (Number.isNaN(date.getTime())) return { row: i + 2, error: `expires '${expires}' is not a date` };
      request.expiresAt = date.toISOString();
    }
    const tags = tagsOf(column(cells, "tags"));
    if (tags.length) request.tags = tags;
    return { row: i + 2, request };
  });
}

function bulkRow(row, ok, text) {
  return element("tr", { "data-row": String(row) },
    element("td", { textContent: String(row) }),
    element("td", { class: ok ? "state state-published" : "state state-failed", textContent: ok ? "created" : "refused" }),
    element("td", { class: "name", textContent: text, dir: "auto" }));
}

$("bulk-file").addEventListener("change", (event) => {
  const file = event.target.files[0];
  event.target.value = "";
  if (!file) return;
  guarded(async () => {
    const rows = parseCsv(await file.text());
    if (rows.length < 2) throw new Error("the CSV file has no rows below its header");
    const entries = linkRequests(rows);
    const results = [];
    const sendable = entries.filter((e) => e.request);
    for (let start = 0; start < sendable.length; start += 100) {
      const batch = sendable.slice(start, start + 100);
      const answer = await api("/api/links/bulk", { method: "POST", body: JSON.stringify(batch.map((e) => e.request)) });
      for (const item of answer.items) {
        const entry = batch[item.index];
        entry.result = item.link ? { ok: true, text: `${item.link.shortUrl} → ${item.link.url}` } : { ok: false, text: item.error.message };
      }
    }
    for (const entry of entries) results.push(entry.result ? bulkRow(entry.row, entry.result.ok, entry.result.text) : bulkRow(entry.row, false, entry.error));
    const table = $("bulk-results");
    table.tBodies[0].replaceChildren(...results);
    table.hidden = false;
    const created = entries.filter((e) => e.result && e.result.ok).length;
    say(`${plural(created, "link", "links")} created from ${file.name}; ${entries.length - created} refused.`, created < entries.length);
    await refreshLinks();
  });
});

// ---- poison queues ------------------------------------------------------------------------------------------

function poisonWhat(message) {
  if (message.kind === "render") return `render of ${message.articleIds.length === 1 ? `article ${message.articleIds[0]}` : `${message.articleIds.length} articles: ${message.articleIds.join(", ")}`}`;
  if (message.kind === "upload") return `upload ${message.upload}`;
  return message.text;
}

function poisonRow(queue, message) {
  const actions = element("td");
  if (message.kind !== "other") {
    const retry = element("button", { type: "button", class: "secondary", textContent: "Retry" });
    retry.setAttribute("aria-label", `Retry ${poisonWhat(message)}`);
    retry.addEventListener("click", () => guarded(async () => {
      retry.disabled = true;
      await api(`/api/poison/${encodeURIComponent(queue)}/${encodeURIComponent(message.id)}/retry`, { method: "POST" });
      say(`Retried the ${poisonWhat(message)}.`);
      await Promise.all([refreshPoison(), refresh()]);
    }));
    actions.append(retry);
  }
  return element("tr", { "data-poison": message.id },
    element("td", { textContent: queue }),
    element("td", { class: "name", textContent: poisonWhat(message), dir: "auto" }),
    element("td", { textContent: message.insertedOn ? when(message.insertedOn) : "" }),
    element("td", { textContent: String(message.dequeueCount) }),
    actions);
}

async function refreshPoison() {
  const { queues } = await api("/api/poison");
  const rows = queues.flatMap((q) => q.messages.map((m) => poisonRow(q.name, m)));
  const table = $("poison");
  table.tBodies[0].replaceChildren(...rows);
  table.hidden = rows.length === 0;
  $("poison-empty").hidden = rows.length > 0;
}

$("poison-refresh").addEventListener("click", () => guarded(refreshPoison));

// ---- audit --------------------------------------------------------------------------------------------------

const ACTION_WORDS = {
  upload: "uploaded", approve: "approved", reject: "rejected", unpublish: "unpublished", republish: "republished",
  retry: "retried", "link-create": "created link", "link-edit": "changed link", "link-archive": "archived link",
};

// A signed-in person by name and Entra object id; a key holder as the log names them.
function actorOf(entry) {
  return entry.actorKind === "user" && entry.actorId ? `${entry.actor} (${entry.actorId})` : entry.actor;
}

function auditRow(entry) {
  return element("tr", {},
    element("td", { textContent: when(entry.at) }),
    element("td", { textContent: actorOf(entry), dir: "auto" }),
    element("td", { textContent: ACTION_WORDS[entry.action] || entry.action }),
    element("td", { class: "name", textContent: `${entry.subjectKind} ${entry.subject}`, dir: "auto" }),
    element("td", { class: "name", textContent: entry.detail || "", dir: "auto" }));
}

async function refreshAudit() {
  const { entries } = await api("/api/audit?top=50");
  const table = $("audit");
  table.tBodies[0].replaceChildren(...entries.map(auditRow));
  table.hidden = entries.length === 0;
  $("audit-empty").hidden = entries.length > 0;
}

$("audit-refresh").addEventListener("click", () => guarded(refreshAudit));

async function refresh() {
  await Promise.all([refreshReview(), refreshUploads()]);
}

// ---- start --------------------------------------------------------------------------------------------------

$("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $("key").value.trim());
  $("key").value = "";
  say("");
  // One call tries the key before the desk loads everything with it: a wrong key is one refusal, not one per list.
  guarded(async () => {
    await api("/api/review?top=1");
    await showWork();
  });
});
$("sign-out").addEventListener("click", () => showSignIn(""));

$("entra-button").addEventListener("click", () => startEntraSignIn().catch((error) => say(error.message, true)));

async function begin() {
  const access = await fetch("/api/access").then((r) => (r.ok ? r.json() : null)).catch(() => null);
  signIn = access && access.entra ? access.entra : null;
  $("entra-sign-in").hidden = !signIn;
  if (signIn) {
    try {
      await finishEntraSignIn();
    } catch (error) {
      return showSignIn(error.message);
    }
    if (entraSession()) return guarded(showWork);
  }
  if (sessionStorage.getItem(KEY)) return guarded(showWork);
  if (LOCAL) {
    const probe = await fetch("/api/review?top=1", { headers: { "x-pipeline-desk": "open" } }).catch(() => null);
    if (probe && probe.ok) {
      openDesk = true;
      say("Open desk: this local host lets this machine's browser in without a key.");
      return guarded(showWork);
    }
  }
  showSignIn("");
}

begin();
