//! Telling a web page from a text before it is read as either: by its name, by how it
//! starts, and the charset it declares. A leaf of the `document` room: decoding
//! ([`super::load`]) and the formats ([`super::format`]) both ask it.

use encoding_rs::{Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How much of a page's start is searched for a `<meta>` charset. The HTML standard's
/// prescan reads 1024 bytes; Chinese sites often put a long comment or scripts first.
pub const CHARSET_SCAN_BYTES: usize = 8 << 10;

/// Largest web page opened, in bytes: a parsed page takes several times its size in
/// memory (a news page is well under a megabyte, a page saved with its images inlined a
/// few tens of megabytes).
pub const MAX_PAGE_BYTES: usize = 64 << 20;

/// A web page by its name: `.html`, `.htm`, `.xhtml` or `.shtml`.
pub fn is_html_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".html", ".htm", ".xhtml", ".shtml"].iter().any(|ext| lower.ends_with(ext))
}

/// A Markdown text by its name: `.md` or `.markdown`.
pub fn is_markdown_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// Whether a text named `name` that starts with `head` is a web page: by its name
/// ([`is_html_name`]) or, unless its name says Markdown ([`is_markdown_name`]: Markdown
/// may start with HTML), by its start ([`looks_like_html`]). The one answer decoding
/// (the size a page may have), the choice of format and the loader (a page comes whole)
/// go by.
pub fn is_page(name: &str, head: &[u8]) -> bool {
    is_html_name(name) || (!is_markdown_name(name) && looks_like_html(head))
}

/// A web page by its start: after a byte-order mark, whitespace and comments, a doctype
/// of HTML, an `<html>` or `<head>` tag, or an XML declaration followed by `<html`.
pub fn looks_like_html(head: &[u8]) -> bool {
    let mut s = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let window = &s[..s.len().min(CHARSET_SCAN_BYTES)];
    loop {
        s = s.trim_ascii_start();
        if starts_with_ci(s, b"<!--") {
            match find(s, b"-->") {
                Some(end) => s = &s[end + 3..],
                None => return false,
            }
            continue;
        }
        break;
    }
    starts_with_ci(s, b"<!doctype html")
        || starts_with_ci(s, b"<html")
        || starts_with_ci(s, b"<head")
        || (starts_with_ci(s, b"<?xml") && find_ci(window, b"<html").is_some())
}

/// The encoding a page declares in a `<meta charset>` or a `<meta http-equiv=
/// "Content-Type" content="…; charset=…">` within its first [`CHARSET_SCAN_BYTES`], as a
/// browser reads it: GBK and GB2312 as their superset GB18030, UTF-16 as UTF-8 (a page
/// that says UTF-16 in ASCII is not UTF-16), `x-user-defined` as windows-1252.
pub fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let head = &head[..head.len().min(CHARSET_SCAN_BYTES)];
    let mut at = 0;
    while let Some(i) = find_ci(&head[at..], b"<meta") {
        let start = at + i + 5;
        let end = head[start..].iter().position(|&c| c == b'>').map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        at = end;
        let label = attr(tag, b"charset").or_else(|| {
            let equiv = attr(tag, b"http-equiv")?;
            if !equiv.eq_ignore_ascii_case(b"content-type") {
                return None;
            }
            let content = attr(tag, b"content")?;
            let k = find_ci(content, b"charset=")?;
            let v = content[k + 8..].trim_ascii_start();
            let v = v.strip_prefix(b"\"").or_else(|| v.strip_prefix(b"'")).unwrap_or(v);
            let len = v.iter().position(|&c| matches!(c, b';' | b'"' | b'\'') || c.is_ascii_whitespace());
            Some(&v[..len.unwrap_or(v.len())])
        });
        if let Some(enc) = label.and_then(as_browser_reads) {
            return Some(enc);
        }
    }
    None
}

/// The encoding markup declares: its XML declaration's `encoding="…"` (an XHTML file's,
/// an EPUB entry's), else a `<meta>` charset ([`meta_charset`]), each read as a browser
/// reads it.
pub fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let head = &head[..head.len().min(CHARSET_SCAN_BYTES)];
    let start = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head).trim_ascii_start();
    if starts_with_ci(start, b"<?xml")
        && let Some(end) = find(start, b"?>")
        && let Some(enc) = attr(&start[5..end], b"encoding").and_then(as_browser_reads)
    {
        return Some(enc);
    }
    meta_charset(head)
}

/// A charset label as a browser reads it: GBK and GB2312 as their superset GB18030,
/// UTF-16 as UTF-8 (a label written in ASCII is not in UTF-16), `x-user-defined` as
/// windows-1252.
fn as_browser_reads(label: &[u8]) -> Option<&'static Encoding> {
    Some(match Encoding::for_label_no_replacement(label.trim_ascii())? {
        e if e == GBK => GB18030,
        e if e == UTF_16LE || e == UTF_16BE => UTF_8,
        e if e == X_USER_DEFINED => WINDOWS_1252,
        e => e,
    })
}

/// The value of attribute `name` in the inside of a tag (after its name), unquoted.
fn attr<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut i = 0;
    while i < tag.len() {
        // An attribute name runs to `=`, whitespace, `/` or the end.
        while i < tag.len() && (tag[i].is_ascii_whitespace() || tag[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < tag.len() && !tag[i].is_ascii_whitespace() && !matches!(tag[i], b'=' | b'/') {
            i += 1;
        }
        let this = &tag[name_start..i];
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value: &[u8] = b"";
        if tag.get(i) == Some(&b'=') {
            i += 1;
            while i < tag.len() && tag[i].is_ascii_whitespace() {
                i += 1;
            }
            match tag.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = tag[i + 1..].iter().position(|&c| c == q).map_or(tag.len(), |e| i + 1 + e);
                    value = &tag[i + 1..end];
                    i = end + 1;
                }
                _ => {
                    let start = i;
                    while i < tag.len() && !tag[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = &tag[start..i];
                }
            }
        }
        if this.is_empty() {
            i += 1;
        } else if this.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
    None
}

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find(s: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(s, needle)
}

/// Where `needle` (lower-case ASCII) first occurs in `s`, ignoring ASCII case.
pub(crate) fn find_ci(s: &[u8], needle: &[u8]) -> Option<usize> {
    s.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_told_by_name_and_by_their_start() {
        assert!(
            is_html_name("a.HTML")
                && is_html_name("b.htm")
                && is_html_name("c.xhtml")
                && is_html_name("d.shtml")
        );
        assert!(!is_html_name("a.txt") && !is_html_name("html"));
        assert!(looks_like_html(b"\xef\xbb\xbf\n <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<!-- saved from url=(0042)https://example.com/ -->\r\n<html>"));
        assert!(looks_like_html(b"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"));
        assert!(!looks_like_html(b"<?xml version=\"1.0\"?><package>"));
        assert!(!looks_like_html("　　第一章 <html> 不在开头".as_bytes()));
        assert!(!looks_like_html(b"<!-- never closed"));
    }

    #[test]
    fn a_markdown_name_keeps_a_text_starting_with_markup_from_being_a_page() {
        assert!(is_page("a.txt", b"<html><body>") && is_page("a", b"<!doctype html>"));
        assert!(is_page("a.html", "　　正文".as_bytes()), "a page by its name");
        assert!(!is_page("notes.md", b"<html><body>") && !is_page("N.Markdown", b"<!DOCTYPE html>"));
        assert!(!is_page("a.txt", "　　正文".as_bytes()));
        assert!(is_markdown_name("a.MD") && !is_markdown_name("md") && !is_markdown_name("a.mdx"));
    }

    #[test]
    fn the_declared_charset_is_read_as_a_browser_reads_it() {
        let cs = |s: &str| meta_charset(s.as_bytes()).map(|e| e.name());
        assert_eq!(cs("<meta charset=\"gbk\">"), Some("gb18030"));
        assert_eq!(cs("<META CHARSET=GB2312 />"), Some("gb18030"));
        assert_eq!(
            cs("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />"),
            Some("gb18030")
        );
        assert_eq!(cs("<meta content='text/html;charset=big5' http-equiv='content-type'>"), Some("Big5"));
        assert_eq!(cs("<meta name=\"keywords\" content=\"charset=gbk\"><meta charset=utf-8>"), Some("UTF-8"));
        assert_eq!(cs("<meta charset=\"utf-16\">"), Some("UTF-8"));
        assert_eq!(cs("<meta charset=\"klingon\"><p>"), None);
        assert_eq!(cs("<p>no meta</p>"), None);
    }

    #[test]
    fn markup_declares_its_charset_in_its_xml_declaration_or_a_meta() {
        let cs = |s: &str| declared_charset(s.as_bytes()).map(|e| e.name());
        assert_eq!(cs("<?xml version=\"1.0\" encoding=\"GBK\"?><html>"), Some("gb18030"));
        assert_eq!(cs("\n<?xml version='1.0' encoding='big5'?>"), Some("Big5"));
        // The declaration comes first; without one, the page's `<meta>`.
        assert_eq!(cs("<?xml version=\"1.0\" encoding=\"utf-8\"?><meta charset=gbk>"), Some("UTF-8"));
        assert_eq!(cs("<?xml version=\"1.0\"?><head><meta charset=gbk>"), Some("gb18030"));
        // `encoding=` or `charset=` in the text is no declaration.
        assert_eq!(cs("<p>encoding=\"gbk\" charset=gbk</p>"), None);
    }
}
