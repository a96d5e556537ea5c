"use strict";
// Opens a sealed reflectiejournaal bundle: the bundle code -> PBKDF2-SHA256 -> AES-256-GCM
// (the header is the associated data). The decrypted page is shown in a sandboxed frame in
// which nothing can run; this script only reads the supervisor's selection there and marks
// passages. Then the supervisor's feedback: kept in this page's memory only, saved as a file
// encrypted under a key derived from the same code (HKDF-SHA256, info: the bundle's id), with
// the bundle's id, its entries' ids and a fresh nonce as associated data. Nothing is stored
// in the browser and nothing is fetched.
(() => {
  const $ = (id) => document.getElementById(id);
  const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const MIN_ITERATIONS = 600000, MAX_ITERATIONS = 10000000;
  const FEEDBACK = "reflectiejournaal-feedback";
  const text = JSON.parse($("messages").textContent);
  const bytes = (b64) => Uint8Array.from(atob(b64.trim()), (c) => c.charCodeAt(0));
  const b64 = (data) => btoa(Array.from(new Uint8Array(data), (b) => String.fromCharCode(b)).join(""));
  const ascii = (s) => new TextEncoder().encode(s);
  const say = (key) => { $("message").textContent = text[key]; };
  const fill = (key, values) => text[key].replace(/\{(\w+)\}/g, (_, k) => values[k]);

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
    let plain, feedbackKey = null;
    try {
      const base = await crypto.subtle.importKey("raw", key, "PBKDF2", false, ["deriveKey"]);
      const aes = await crypto.subtle.deriveKey(
        { name: "PBKDF2", hash: "SHA-256", salt: bytes(header.salt), iterations: header.iterations },
        base, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
      plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: bytes(header.nonce), additionalData: headerBytes }, aes, sealed);
      if (typeof header.bundle === "string" && /^[0-9a-f]{16}$/.test(header.bundle)) {
        const hkdf = await crypto.subtle.importKey("raw", key, "HKDF", false, ["deriveKey"]);
        feedbackKey = await crypto.subtle.deriveKey(
          { name: "HKDF", hash: "SHA-256", salt: ascii("reflectiejournaal/feedback"),
            info: ascii(header.bundle) },
          hkdf, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
      }
    } catch (e) { say("wrong"); return; } finally { key.fill(0); raw.fill(0); }
    const frame = document.createElement("iframe");
    // No scripts, forms, pop-ups or navigation in the frame. Same origin so that this script
    // can read the selection and mark passages in it; modals so that it can print the frame.
    frame.setAttribute("sandbox", "allow-same-origin allow-modals");
    frame.setAttribute("title", document.title);
    $("unlock").remove();
    const reader = document.createElement("div");
    reader.id = "reader";
    reader.appendChild(frame);
    document.body.appendChild(reader);
    frame.addEventListener("load", () => {
      if (feedbackKey) new Feedback(frame, reader, header.bundle, feedbackKey);
    }, { once: true });
    frame.srcdoc = new TextDecoder().decode(plain);
  }

  // -- feedback -------------------------------------------------------------------------------
  const el = (tag, props = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), props);
    // Nothing typed here is offered back or kept by the browser's form memory.
    if (tag === "textarea" || tag === "input") node.setAttribute("autocomplete", "off");
    for (const child of children) node.append(child);
    return node;
  };

  class Feedback {
    constructor(frame, reader, bundleId, key) {
      this.frame = frame; this.doc = frame.contentDocument; this.bundleId = bundleId;
      this.key = key; this.dirty = false; this.cards = new Map(); this.count = 0;
      this.articles = Array.from(this.doc.querySelectorAll("article[data-entry]"));
      this.entries = this.articles.map((a) => a.dataset.entry);
      const style = this.doc.createElement("style");
      style.textContent = $("frame-style").textContent;
      this.doc.head.appendChild(style);
      this.general = el("textarea", { id: "general", rows: 4 });
      this.status = el("p", { id: "status", role: "status" });
      const continueInput = el("input", { type: "file", id: "continue", accept: ".rjfb" });
      continueInput.addEventListener("change", () => this.load(continueInput));
      const panel = el("aside", { id: "feedback" }, [
        el("h2", { textContent: text.heading }),
        el("p", { className: "hint", textContent: text.panel_intro }),
        el("label", { htmlFor: "continue", className: "small", textContent: text.continue }),
        continueInput,
        el("label", { htmlFor: "general", textContent: text.general }), this.general,
      ]);
      for (const article of this.articles) panel.append(this.card(article));
      const save = el("button", { id: "save", type: "button", textContent: text.save });
      save.addEventListener("click", () => this.save());
      const print = el("button", { id: "print", type: "button", textContent: text.print });
      // The frame prints itself: its own pages, with the comments under each entry. Ctrl+P
      // (Cmd+P) does the same, wherever the focus is; the page around it would cut the text.
      const printFrame = () => { this.render(); this.frame.contentWindow.print(); };
      print.addEventListener("click", printFrame);
      for (const target of [document, this.doc]) {
        target.addEventListener("keydown", (event) => {
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "p") {
            event.preventDefault();
            printFrame();
          }
        });
      }
      panel.append(el("div", { className: "actions" }, [save, print]), this.status);
      reader.appendChild(panel);
      reader.classList.add("with-feedback");
      panel.addEventListener("input", () => this.changed());
      window.addEventListener("beforeunload", (event) => {
        if (this.dirty) { event.preventDefault(); event.returnValue = ""; }
      });
      window.addEventListener("beforeprint", () => this.fit());
      new ResizeObserver(() => this.fit()).observe(this.doc.documentElement);
      this.fit();
    }

    card(article) {
      const id = article.dataset.entry;
      const heading = article.querySelector("h3");
      const comment = el("textarea", { rows: 3, id: `comment-${id}` });
      const passages = el("div", { className: "passages" });
      const add = el("button", { type: "button", className: "add", textContent: text.add_passage });
      const show = el("button", { type: "button", className: "link", textContent: text.show_entry });
      const note = el("p", { className: "note", role: "alert" });
      add.addEventListener("click", () => this.addSelected(id));
      show.addEventListener("click", () => this.show(article));
      const card = el("section", { className: "card" }, [
        el("h3", { textContent: heading ? heading.textContent : id }), show,
        el("label", { htmlFor: comment.id, textContent: text.on_entry }), comment,
        passages, add, note]);
      card.dataset.entry = id;
      this.cards.set(id, { card, comment, passages, note, list: [] });
      return card;
    }

    show(article) {
      const top = this.frame.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: top + article.getBoundingClientRect().top - 8 });
    }

    fit() {  // the frame as tall as its text: the page scrolls, the panel stays beside it
      this.frame.style.height = `${this.doc.documentElement.scrollHeight}px`;
    }

    changed() {
      this.dirty = true;
      this.status.textContent = text.unsaved;
      this.render();
    }

    addSelected(cardId) {
      const selection = this.frame.contentWindow.getSelection();
      const range = selection && selection.rangeCount ? selection.getRangeAt(0) : null;
      const quote = range ? range.toString().trim() : "";
      const at = (node) => (node.nodeType === 1 ? node : node.parentElement).closest("article[data-entry]");
      const article = range && at(range.startContainer);
      const own = this.cards.get(cardId);
      own.note.textContent = "";
      if (!quote) { own.note.textContent = text.select_first; return; }
      if (!article || article !== at(range.endContainer)) { own.note.textContent = text.one_entry; return; }
      const before = this.doc.createRange();
      before.selectNodeContents(article);
      before.setEnd(range.startContainer, range.startOffset);
      const passage = this.addPassage(article.dataset.entry, quote.slice(0, 2000),
                                      before.toString().length, "", range);
      selection.removeAllRanges();
      passage.comment.focus();
      this.changed();
    }

    addPassage(entryId, quote, at, comment, range) {
      const entry = this.cards.get(entryId);
      const n = ++this.count;
      const marks = range ? this.mark(range, n) : this.markQuote(entryId, quote, at, n);
      const box = el("textarea", { rows: 2, value: comment, id: `passage-${n}` });
      const remove = el("button", { type: "button", className: "link", textContent: text.remove_passage });
      const item = el("div", { className: "passage" }, [
        el("blockquote", { textContent: quote }),
        el("label", { htmlFor: box.id, textContent: text.passage_comment }), box, remove]);
      const passage = { quote, at, comment: box, item, marks };
      remove.addEventListener("click", () => {
        for (const mark of marks) mark.replaceWith(...mark.childNodes);
        item.remove();
        entry.list = entry.list.filter((p) => p !== passage);
        this.changed();
      });
      entry.passages.append(item);
      entry.list.push(passage);
      return passage;
    }

    mark(range, n) {  // every piece of text in the range in a <mark>, also across elements
      const walker = this.doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
      const pieces = [];
      for (let node = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType === 3 && range.intersectsNode(node) && node.data.trim()) pieces.push(node);
      }
      return pieces.map((node) => {
        let piece = node;
        if (node === range.endContainer) piece.splitText(range.endOffset);
        if (node === range.startContainer) piece = piece.splitText(range.startOffset);
        const mark = this.doc.createElement("mark");
        mark.className = "rj-passage";
        mark.dataset.passage = String(n);
        piece.replaceWith(mark);
        mark.append(piece);
        return mark;
      });
    }

    markQuote(entryId, quote, at, n) {  // a passage from an earlier file: found again by text
      const article = this.articles.find((a) => a.dataset.entry === entryId);
      const all = article.textContent;
      let start = all.indexOf(quote, Math.max(0, at - 50));
      if (start < 0) start = all.indexOf(quote);
      if (start < 0) return [];
      const range = this.doc.createRange();
      const walker = this.doc.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const end = seen + node.data.length;
        if (start >= seen && start < end) range.setStart(node, start - seen);
        if (start + quote.length > seen && start + quote.length <= end) {
          range.setEnd(node, start + quote.length - seen);
          break;
        }
        seen = end;
      }
      return this.mark(range, n);
    }

    content() {
      const entries = {};
      for (const [id, entry] of this.cards) {
        const passages = entry.list.map((p) => ({ quote: p.quote, at: p.at, comment: p.comment.value }));
        if (entry.comment.value.trim() || passages.length) {
          entries[id] = { comment: entry.comment.value, passages };
        }
      }
      return { general: this.general.value, entries };
    }

    render() {  // the comments inside the frame too, for printing (hidden on screen)
      for (const old of this.doc.querySelectorAll(".rj-feedback")) old.remove();
      const block = (title, body, quote) => {
        const box = this.doc.createElement("div");
        box.className = "rj-feedback";
        const head = this.doc.createElement("strong");
        head.textContent = title;
        box.append(head);
        if (quote) {
          const q = this.doc.createElement("blockquote");
          q.textContent = quote;
          box.append(q);
        }
        const p = this.doc.createElement("p");
        p.textContent = body;
        box.append(p);
        return box;
      };
      const { general, entries } = this.content();
      if (general.trim()) this.doc.body.prepend(block(text.print_general, general));
      for (const article of this.articles) {
        const mine = entries[article.dataset.entry];
        if (!mine) continue;
        if (mine.comment.trim()) article.append(block(text.print_entry, mine.comment));
        for (const p of mine.passages) article.append(block(text.print_passage, p.comment, p.quote));
      }
      this.fit();
    }

    header(saved, nonce) {
      return JSON.stringify({ format: FEEDBACK, version: 1, bundle: this.bundleId,
                              entries: this.entries, saved, nonce: b64(nonce) });
    }

    async save() {
      const { general, entries } = this.content();
      if (!general.trim() && !Object.keys(entries).length) { this.status.textContent = text.nothing; return; }
      const saved = new Date().toISOString();
      const nonce = crypto.getRandomValues(new Uint8Array(12));
      const header = ascii(this.header(saved, nonce));
      const plain = ascii(JSON.stringify({ bundle: this.bundleId, saved, general, entries }));
      const sealed = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv: nonce, additionalData: header }, this.key, plain);
      const file = JSON.stringify({ format: FEEDBACK, header: b64(header), ciphertext: b64(sealed) });
      const name = `feedback-${this.bundleId.slice(0, 8)}.rjfb`;
      const url = URL.createObjectURL(new Blob([file], { type: "application/octet-stream" }));
      const link = el("a", { href: url, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      this.dirty = false;
      this.status.textContent = fill("saved", { file: name, time: new Date().toLocaleTimeString() });
    }

    async load(input) {  // an earlier feedback file, to go on where the supervisor left off
      const chosen = input.files && input.files[0];
      input.value = "";
      if (!chosen) return;
      try {
        const outer = JSON.parse(await chosen.text());
        const headerBytes = bytes(outer.header);
        const header = JSON.parse(new TextDecoder().decode(headerBytes));
        if (header.format !== FEEDBACK || header.bundle !== this.bundleId ||
            JSON.stringify(header.entries) !== JSON.stringify(this.entries)) throw 0;
        const plain = JSON.parse(new TextDecoder().decode(await crypto.subtle.decrypt(
          { name: "AES-GCM", iv: bytes(header.nonce), additionalData: headerBytes },
          this.key, bytes(outer.ciphertext))));
        this.general.value = plain.general || "";
        for (const [id, entry] of this.cards) {
          for (const p of entry.list) for (const m of p.marks) m.replaceWith(...m.childNodes);
          entry.passages.replaceChildren();
          entry.list = [];
          const mine = (plain.entries || {})[id] || {};
          entry.comment.value = mine.comment || "";
          for (const p of mine.passages || []) this.addPassage(id, p.quote, p.at || 0, p.comment || "");
        }
        this.render();
        this.dirty = false;
        this.status.textContent = fill("continued", { time: new Date(header.saved).toLocaleString() });
      } catch (e) {
        this.status.textContent = text.not_this_bundle;
      }
    }
  }

  $("unlock").addEventListener("submit", open);
})();
