"use strict";
// Opens a sealed reflectiejournaal bundle: the bundle code -> PBKDF2-SHA256 -> AES-256-GCM
// (the header is the associated data). The decrypted page is shown in a frame with an empty
// sandbox, so nothing in it can run; nothing is stored and nothing is fetched.
(() => {
  const $ = (id) => document.getElementById(id);
  const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const MIN_ITERATIONS = 600000, MAX_ITERATIONS = 10000000;
  const text = JSON.parse($("messages").textContent);
  const bytes = (b64) => Uint8Array.from(atob(b64.trim()), (c) => c.charCodeAt(0));
  const ascii = (s) => new TextEncoder().encode(s);
  const say = (key) => { $("message").textContent = text[key]; };

  function decodeCode(input) {
    const clean = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
    if (clean.length !== 32) return null;
    let n = 0n;
    for (const c of clean) {
      const i = ALPHABET.indexOf(c);
      if (i < 0) return null;
      n = (n << 5n) | BigInt(i);
    }
    const out = new Uint8Array(20);
    for (let k = 19; k >= 0; k--) { out[k] = Number(n & 255n); n >>= 8n; }
    return out;
  }

  async function open(event) {
    event.preventDefault();
    if (!window.crypto || !crypto.subtle) { say("unsupported"); return; }
    const raw = decodeCode($("code").value);
    if (!raw) { say("mistyped"); return; }
    const key = raw.slice(0, 16);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256",
      new Uint8Array([...ascii("reflectiejournaal/bundelcode"), ...key])));
    if (!digest.slice(0, 4).every((b, i) => b === raw[16 + i])) { say("mistyped"); return; }
    let headerBytes, header, sealed;
    try {
      headerBytes = bytes($("header").textContent);
      header = JSON.parse(new TextDecoder().decode(headerBytes));
      sealed = bytes($("payload").textContent);
      if (header.format !== "reflectiejournaal-bundle" || header.version !== 1 ||
          !(header.iterations >= MIN_ITERATIONS && header.iterations <= MAX_ITERATIONS)) throw 0;
    } catch (e) { say("damaged"); return; }
    say("busy");
    try {
      const base = await crypto.subtle.importKey("raw", key, "PBKDF2", false, ["deriveKey"]);
      const aes = await crypto.subtle.deriveKey(
        { name: "PBKDF2", hash: "SHA-256", salt: bytes(header.salt), iterations: header.iterations },
        base, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
      const plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: bytes(header.nonce), additionalData: headerBytes }, aes, sealed);
      const frame = document.createElement("iframe");
      frame.setAttribute("sandbox", "");
      frame.setAttribute("title", document.title);
      frame.srcdoc = new TextDecoder().decode(plain);
      $("unlock").remove();
      document.body.appendChild(frame);
    } catch (e) { say("wrong"); }
  }

  $("unlock").addEventListener("submit", open);
})();
