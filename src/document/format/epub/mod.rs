//! EPUB 2 and 3 books: a zip ([`archive`], read with limits against zip bombs) holding a
//! package document ([`package`]: metadata, manifest, spine) and a table of contents
//! ([`toc`]: the EPUB 3 navigation document, else the EPUB 2 NCX).
//!
//! The document's text is extracted, not read: the book's title (and authors) as its first
//! lines, then every chapter of the spine in reading order through the markup converter
//! ([`super::markup`]), one line of text per block; a title page's lines that repeat the
//! title and authors are left out ([`title_page`]). Every offset points into that text,
//! which `yuedu dump BOOK.epub` prints. Each block's [`Loc::Element`] names its file by
//! `part`: 0 for the package document (the title lines), then 1, 2, … for the spine's
//! files in reading order.
//!
//! The outline is the book's own table of contents, its nesting kept as levels under the
//! title (level 2 for the top entries), each entry at the block where its target starts (a
//! `chapter.xhtml#frag` target at the element with that id). A chapter that opens with no
//! heading of its own gets its entry's words as a heading line, the one line of the text
//! that comes from the table of contents rather than the chapter. A book without a usable
//! table of contents gets its chapters' `h1`–`h6` instead.
//!
//! Bad books are refused with a [`Problem`]: not a zip, no container or package document,
//! XML that is not well-formed (container, package, NCX), DRM (`META-INF/encryption.xml`
//! encrypting a file the reader must read: font obfuscation alone is not DRM), a zip bomb.
//! A spine item missing from the zip is skipped with a warning that names it: the rest of
//! the book is readable, as a browser shows a page whose one image is gone, and refusing the
//! whole book for one lost file would leave the reader with nothing.

pub mod archive;
pub mod package;
pub mod title_page;
pub mod toc;

use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek};

use super::builder::Builder;
use super::markup;
use crate::document::model::{BlockKind, Document, Heading, Loc};
use crate::i18n::{self, Msg};

pub use crate::i18n::BookProblem as Problem;
use archive::Archive;
use package::Package;

/// The `mimetype` entry's content that marks a zip as an EPUB.
pub const MIMETYPE: &[u8] = b"application/epub+zip";

/// Whether the first bytes of a file are an EPUB's: a zip whose first entry is `mimetype`
/// holding [`MIMETYPE`] (as the OCF asks: first, and stored, not compressed).
pub fn sniff(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04")
        && head.get(30..38) == Some(b"mimetype")
        && head.get(38..).is_some_and(|rest| rest.windows(MIMETYPE.len()).take(64).any(|w| w == MIMETYPE))
}

/// Reads the book in `reader` into a document; `file_name` names it when its package has
/// no title.
pub fn open<R: Read + Seek>(file_name: &str, reader: R) -> Result<Document, Problem> {
    let mut zip = Archive::new(reader)?;
    let pkg = package::read(&mut zip)?;
    check_drm(&mut zip, &pkg)?;
    let toc = read_toc(&mut zip, &pkg);
    let title = pkg.title.trim();
    let authors = pkg.authors.join("、");
    let name = match (title.is_empty(), authors.is_empty()) {
        (true, _) => file_name.to_string(),
        (false, true) => title.to_string(),
        (false, false) => format!("{title} — {authors}"),
    };
    let mut b = Builder::empty(name, "UTF-8");
    let meta = Loc::Element { part: 0, element: 0 };
    b.push_line(title, meta, BlockKind::Title);
    b.push_line(&authors, meta, BlockKind::Subtitle);
    // Which fragments of each file the table of contents points at.
    let mut wanted: HashMap<&str, HashSet<&str>> = HashMap::new();
    for e in &toc {
        wanted.entry(e.path.as_str()).or_default().extend(e.frag.as_deref());
    }
    // Each chapter's first block and its wanted ids' offsets, by path.
    let mut starts: HashMap<String, usize> = HashMap::new();
    let mut targets: HashMap<(String, String), usize> = HashMap::new();
    // The first entry pointing at each chapter's start, with its level.
    let mut at_start: HashMap<&str, (&str, u8)> = HashMap::new();
    for e in toc.iter().filter(|e| e.frag.is_none() && !e.label.is_empty() && e.label != title) {
        at_start.entry(e.path.as_str()).or_insert((e.label.as_str(), level_of(e)));
    }
    let mut chapters = 0usize;
    for (i, path) in pkg.spine.iter().enumerate() {
        let part = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let Some(bytes) = zip.read(path)? else {
            b.warn(i18n::text(Msg::Book(&Problem::SkippedMissing(path.clone()))));
            continue;
        };
        chapters += 1;
        let text = package::entry_text(&bytes);
        drop(bytes);
        let html = markup::parse(&text);
        let first = b.blocks_mut().1.len();
        // A chapter that opens with no heading of its own (a file of paragraphs) gets the
        // words its table-of-contents entry gives it, so the outline names it.
        if let Some(&(label, level)) = at_start.get(path.as_str())
            && !opens_with_heading(&html, label)
        {
            b.push_line(label, Loc::Element { part, element: 0 }, BlockKind::Heading { level });
        }
        let opts = markup::Options { part, ..Default::default() };
        let conv = markup::append(&mut b, html.tree.root(), &opts);
        starts.entry(path.clone()).or_insert(first.min(conv.blocks.start));
        if let Some(frags) = wanted.get(path.as_str()) {
            for (id, at) in conv.ids {
                if frags.contains(id.as_str()) {
                    targets.insert((path.clone(), id), at);
                }
            }
        }
    }
    if chapters == 0 {
        return Err(Problem::NoChapters);
    }
    let has_title = !title.is_empty();
    let mut doc = b.finish();
    // A title page that repeats the title and authors the text opens with shows them once.
    if let Some(first) = doc.blocks.iter().position(|bl| bl.loc != meta) {
        let at = title_page::Targets { starts: &mut starts, targets: &mut targets };
        title_page::drop_repeats(&mut doc, first, title, &pkg.authors, at);
    }
    if doc.blocks.iter().all(|bl| matches!(bl.kind, BlockKind::Title | BlockKind::Subtitle)) {
        return Err(Problem::NoText);
    }
    // An entry for the title page (labelled with the book's title, as pandoc's and
    // calibre's books have) is the outline's title already.
    let toc: Vec<toc::Entry> = toc.into_iter().filter(|e| !has_title || e.label != title).collect();
    let mut headings = toc_headings(&mut doc, &toc, &starts, &targets);
    if headings.is_empty() {
        headings = chapter_headings(&doc);
    }
    if has_title {
        headings.insert(0, Heading { level: 1, block: 0 });
    }
    doc.headings = headings;
    Ok(doc)
}

/// Refuses a book whose `META-INF/encryption.xml` encrypts a file the reader must read (a
/// chapter, the navigation document, the NCX, any XHTML): its chapters would be noise.
/// Encrypted fonts (obfuscated, as EPUB allows) and images are not read, so not a refusal.
fn check_drm<R: Read + Seek>(zip: &mut Archive<R>, pkg: &Package) -> Result<(), Problem> {
    const ENCRYPTION: &str = "META-INF/encryption.xml";
    let Some(bytes) = zip.read(ENCRYPTION)? else { return Ok(()) };
    let text = package::entry_text(&bytes);
    let doc = package::parse_xml(ENCRYPTION, &text)?;
    let needed = |path: &str| {
        let lower = path.to_ascii_lowercase();
        pkg.spine.iter().any(|s| s == path)
            || pkg.nav.as_deref() == Some(path)
            || pkg.ncx.as_deref() == Some(path)
            || [".xhtml", ".html", ".htm", ".xml", ".ncx", ".opf"].iter().any(|e| lower.ends_with(e))
    };
    for data in doc.descendants().filter(|n| n.tag_name().name() == "EncryptedData") {
        let uri = data
            .descendants()
            .find(|n| n.tag_name().name() == "CipherReference")
            .and_then(|n| n.attribute("URI"))
            .unwrap_or("");
        // Paths in encryption.xml are relative to the root of the container.
        let (path, _) = package::resolve("", uri);
        // Whatever the algorithm (font obfuscation is for fonts, which are not read), a
        // file the reader needs that is encrypted cannot be read.
        if needed(&path) {
            return Err(Problem::Drm);
        }
    }
    Ok(())
}

/// The table of contents: the navigation document's, else the NCX's; none when neither
/// is there, parses or lists anything.
fn read_toc<R: Read + Seek>(zip: &mut Archive<R>, pkg: &Package) -> Vec<toc::Entry> {
    let mut from = |path: &Option<String>, nav: bool| -> Vec<toc::Entry> {
        let Some(path) = path else { return Vec::new() };
        let Ok(Some(bytes)) = zip.read(path) else { return Vec::new() };
        let text = package::entry_text(&bytes);
        if nav {
            return toc::nav(&markup::parse(&text), path);
        }
        // An NCX that is not well-formed is no table of contents: the chapters' headings
        // make the outline instead.
        package::parse_xml(path, &text).map(|doc| toc::ncx(&doc, path)).unwrap_or_default()
    };
    let nav = from(&pkg.nav, true);
    if nav.is_empty() { from(&pkg.ncx, false) } else { nav }
}

/// The outline from the table of contents: each entry at the block where its target
/// starts, its depth as the level under the title; entries whose target is not a chapter
/// of the spine are left out, and of several at one block the first is kept. A target
/// that is a paragraph holding just the entry's words (a chapter title set as `<p>`) is a
/// heading of the text, and becomes one.
fn toc_headings(
    doc: &mut Document,
    toc: &[toc::Entry],
    starts: &HashMap<String, usize>,
    targets: &HashMap<(String, String), usize>,
) -> Vec<Heading> {
    let mut found: Vec<(Heading, &str)> = Vec::new();
    for e in toc {
        let by_frag = e
            .frag
            .as_ref()
            .and_then(|f| targets.get(&(e.path.clone(), f.clone())))
            .filter(|&&at| at < doc.text.len())
            .map(|&at| doc.block_at(at));
        let Some(block) = by_frag.or_else(|| starts.get(&e.path).copied()) else { continue };
        if block >= doc.blocks.len() {
            continue;
        }
        let level = level_of(e);
        found.push((Heading { level, block }, e.label.as_str()));
    }
    // The outline is in reading order, one entry a block.
    found.sort_by_key(|(h, _)| h.block);
    found.dedup_by_key(|(h, _)| h.block);
    found.retain(|(h, _)| !matches!(doc.blocks[h.block].kind, BlockKind::Title | BlockKind::Subtitle));
    for (h, label) in &found {
        let same = doc.block_text(h.block).split_whitespace().eq(label.split_whitespace());
        if doc.blocks[h.block].kind == BlockKind::Body && same {
            doc.blocks[h.block].kind = BlockKind::Heading { level: h.level };
        }
    }
    found.into_iter().map(|(h, _)| h).collect()
}

/// The outline level of a table-of-contents entry: 2 for the top level, under the title.
fn level_of(e: &toc::Entry) -> u8 {
    u8::try_from(e.depth + 2).unwrap_or(u8::MAX)
}

/// Whether a chapter's first text is a heading (in `h1`–`h6`) or a block holding just
/// `label`'s words (a title set as a paragraph).
fn opens_with_heading(html: &scraper::Html, label: &str) -> bool {
    let hidden = |n: &scraper::ElementRef<'_>| markup::is_noise(*n);
    let first = html.tree.root().descendants().find(|n| {
        n.value().as_text().is_some_and(|t| !t.trim().is_empty())
            && !n.ancestors().filter_map(scraper::ElementRef::wrap).any(|a| hidden(&a))
    });
    let Some(first) = first else { return false };
    let mut blocks = first.ancestors().filter_map(scraper::ElementRef::wrap);
    if blocks.clone().any(|a| matches!(a.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")) {
        return true;
    }
    blocks.find(|a| markup::is_block(a.value().name())).is_some_and(|a| {
        let text: String = a.text().collect();
        text.split_whitespace().eq(label.split_whitespace())
    })
}

/// The outline from the chapters' own headings (`h1`–`h6`), the shallowest at level 2
/// under the title.
fn chapter_headings(doc: &Document) -> Vec<Heading> {
    let levels = doc.blocks.iter().enumerate().filter_map(|(i, b)| match b.kind {
        BlockKind::Heading { level } => Some((i, level)),
        _ => None,
    });
    let top = levels.clone().map(|(_, l)| l).min().unwrap_or(1);
    levels.map(|(block, l)| Heading { level: (l - top).saturating_add(2), block }).collect()
}
