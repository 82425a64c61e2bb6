//! Markup made ready for the parser: XHTML's self-closed elements closed, and nesting
//! capped, in one pass each over the text, never recursing.

use std::borrow::Cow;
use std::collections::HashMap;

/// Deepest nesting of elements kept (the cap a browser's parser puts on its tree, 512 in
/// Chromium): the tags of elements opened deeper are dropped, their text kept.
pub const MAX_DEPTH: usize = 512;

/// Most attributes a tag keeps: the parser compares each new attribute's name with every
/// one before it, so a tag of a hundred thousand attributes would take minutes. A tag with
/// more has them all left out.
pub const MAX_ATTRIBUTES: usize = 256;

/// Elements that never have content, which `<x/>` does not need to close.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// XHTML's `<name …/>` for a non-void element made `<name …></name>`, which is what it
/// means in XML; an HTML parser would leave it open (a `<title/>` would swallow the page).
/// Comments and CDATA sections are passed over; the rest is copied unchanged.
pub fn close_self_closed(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len() + s.len() / 64);
    let mut copied = 0;
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|k| i + k) {
        let rest = &s[lt..];
        if let Some(after) = past_comment(rest, "<![CDATA[", "]]>") {
            i = after.map_or(bytes.len(), |k| lt + k);
            continue;
        }
        let name_len = name_len(bytes, lt + 1);
        if name_len == 0 || !rest.as_bytes()[1].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let Some(j) = tag_end(bytes, lt + 1 + name_len) else { break };
        let name = &rest[1..=name_len];
        let local = name.rsplit(':').next().unwrap_or(name).to_ascii_lowercase();
        if bytes[j - 1] == b'/' && !is_void(&local) {
            out.push_str(&s[copied..j - 1]);
            out.push_str("></");
            out.push_str(name);
            out.push('>');
            copied = j + 1;
        }
        i = j + 1;
    }
    out.push_str(&s[copied..]);
    out
}

/// Elements whose end tag may be left out: they close themselves, so an unclosed one does
/// not nest (a page of unclosed `<p>`s is flat).
fn closes_itself(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "option"
            | "optgroup"
            | "tbody"
            | "thead"
            | "tfoot"
            | "rt"
            | "rp"
            | "rb"
            | "rtc"
            | "colgroup"
            | "caption"
            | "html"
            | "head"
            | "body"
    )
}

/// Elements whose content is text up to their end tag, not markup.
fn is_raw_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes")
}

/// The markup with the tags of elements opened deeper than [`MAX_DEPTH`] (and their end
/// tags) left out, and the attributes of a tag with more than [`MAX_ATTRIBUTES`]. Depth is
/// counted as the parser would roughly see it: start tags of elements that nest, less their
/// end tags; void, self-closed and self-closing elements do
/// not count, and the text of scripts, styles and comments is passed over.
pub fn limit_nesting(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut depth = 0usize;
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|k| i + k) {
        let rest = &s[lt..];
        if let Some(after) = past_comment(rest, "<!--", "-->") {
            i = after.map_or(bytes.len(), |k| lt + k);
            continue;
        }
        let end_tag = rest.as_bytes().get(1) == Some(&b'/');
        let name_at = lt + 1 + usize::from(end_tag);
        let name_len = name_len(bytes, name_at);
        if name_len == 0 || !bytes[name_at].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let Some((gt, equals)) = tag_end_counting(bytes, name_at + name_len) else { break };
        let name = s[name_at..name_at + name_len].to_ascii_lowercase();
        let mut drop_tag = false;
        if equals > MAX_ATTRIBUTES {
            let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
            o.push_str(&s[copied..name_at + name_len]);
            o.push_str(if bytes[gt - 1] == b'/' { "/>" } else { ">" });
            copied = gt + 1;
        }
        if end_tag {
            match dropped.get_mut(&name) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    drop_tag = true;
                }
                _ if !is_void(&name) && !closes_itself(&name) => depth = depth.saturating_sub(1),
                _ => {}
            }
        } else if !is_void(&name) && !closes_itself(&name) && bytes[gt - 1] != b'/' {
            if depth >= MAX_DEPTH {
                *dropped.entry(name.clone()).or_default() += 1;
                drop_tag = true;
            } else {
                depth += 1;
            }
        }
        if drop_tag {
            let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
            // The tag's start may already be copied when its attributes were dropped.
            if copied <= lt {
                o.push_str(&s[copied..lt]);
            } else {
                let keep = o.len() - (name_at + name_len - lt) - if bytes[gt - 1] == b'/' { 2 } else { 1 };
                o.truncate(keep);
            }
            copied = gt + 1;
        }
        i = gt + 1;
        // The text of a script or style is not markup: pass over it to its end tag.
        if !end_tag && !drop_tag && is_raw_text(&name) {
            let close = format!("</{name}");
            i = crate::document::sniff::find_ci(&bytes[i..], close.as_bytes()).map_or(bytes.len(), |k| i + k);
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&s[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(s),
    }
}

/// When `rest` starts a comment (or a section opened by `open` and closed by `close`): the
/// offset in `rest` just past its end, `None` inside when it never ends.
fn past_comment(rest: &str, open: &str, close: &str) -> Option<Option<usize>> {
    [("<!--", "-->"), (open, close)]
        .into_iter()
        .find(|(o, _)| rest.starts_with(o))
        .map(|(_, c)| rest.find(c).map(|k| k + c.len()))
}

/// The length of the tag name at `at` (letters, digits, `-`, `:`, `_`).
fn name_len(bytes: &[u8], at: usize) -> usize {
    bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_'))
        .count()
}

/// The index of the `>` ending a tag whose attributes start at `from`, passing over quoted
/// values; `None` when the text ends first.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    tag_end_counting(bytes, from).map(|(gt, _)| gt)
}

/// [`tag_end`], and how many `=` stand outside quotes in the tag (about its attributes).
fn tag_end_counting(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut quote = None;
    let mut equals = 0;
    for (j, &c) in bytes.iter().enumerate().skip(from) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'=') => equals += 1,
            (None, b'>') => return Some((j, equals)),
            _ => {}
        }
    }
    None
}
