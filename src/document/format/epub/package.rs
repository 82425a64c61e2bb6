//! The book's package: `META-INF/container.xml` names the package document (the OPF),
//! which gives the metadata (title, authors), the manifest (every file with its type) and
//! the spine (the chapters in reading order), and where the table of contents is.

use std::io::{Read, Seek};

use super::archive::Archive;
use crate::i18n::BookProblem as Problem;

/// What the package document says.
#[derive(Debug, Default)]
pub struct Package {
    /// `dc:title`, trimmed (empty when there is none).
    pub title: String,
    /// Every `dc:creator`, in order.
    pub authors: Vec<String>,
    /// The spine's content documents in reading order (`linear="no"` ones too, where they
    /// stand): their paths in the zip.
    pub spine: Vec<String>,
    /// The EPUB 3 navigation document (manifest item with `properties="nav"`), if any.
    pub nav: Option<String>,
    /// The EPUB 2 NCX (the spine's `toc`, else the manifest's NCX item), if any.
    pub ncx: Option<String>,
}

/// Parses an XML entry; a document that is not well-formed is [`Problem::BadXml`] at its
/// line and column. A DTD is allowed (NCX files declare one), its entities are not fetched.
pub fn parse_xml<'a>(name: &str, text: &'a str) -> Result<roxmltree::Document<'a>, Problem> {
    let opt = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    roxmltree::Document::parse_with_options(text, opt).map_err(|e| {
        let pos = e.pos();
        Problem::BadXml { name: name.to_string(), line: pos.row, col: pos.col, why: e.to_string() }
    })
}

/// An entry's bytes as text, without a BOM: UTF-8 or UTF-16 with a BOM, as XML allows;
/// bytes that are not UTF-8 in the encoding their XML declaration or `<meta charset>`
/// names (older Chinese books declare `GBK`); else UTF-8 with U+FFFD for bad bytes.
pub fn entry_text(bytes: &[u8]) -> String {
    if encoding_rs::Encoding::for_bom(bytes).is_none()
        && std::str::from_utf8(bytes).is_err()
        && let Some(enc) = crate::document::sniff::declared_charset(bytes)
    {
        return enc.decode_without_bom_handling(bytes).0.into_owned();
    }
    encoding_rs::UTF_8.decode(bytes).0.into_owned()
}

/// The text of an entry the book cannot do without: missing is [`Problem::Missing`].
fn required<R: Read + Seek>(zip: &mut Archive<R>, name: &str) -> Result<String, Problem> {
    zip.read(name)?.map(|b| entry_text(&b)).ok_or_else(|| Problem::Missing(name.to_string()))
}

/// Reads the container and the package document it names.
pub fn read<R: Read + Seek>(zip: &mut Archive<R>) -> Result<Package, Problem> {
    const CONTAINER: &str = "META-INF/container.xml";
    let container = required(zip, CONTAINER)?;
    let doc = parse_xml(CONTAINER, &container)?;
    let opf = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "rootfile")
        .filter_map(|n| n.attribute("full-path"))
        .find(|p| !p.trim().is_empty())
        .map(|p| resolve("", p.trim()).0)
        .ok_or(Problem::NoPackage)?;
    let text = required(zip, &opf)?;
    let doc = parse_xml(&opf, &text)?;
    Ok(parse_opf(&doc, dir_of(&opf)))
}

/// The package document's parts; hrefs are resolved against `base` (the OPF's folder).
fn parse_opf(doc: &roxmltree::Document<'_>, base: &str) -> Package {
    let named =
        |name: &'static str| doc.descendants().filter(move |n| n.is_element() && n.tag_name().name() == name);
    let text_of = |n: roxmltree::Node<'_, '_>| -> String {
        let mut s = String::new();
        for d in n.descendants().filter(|d| d.is_text()) {
            s.push_str(d.text().unwrap_or(""));
        }
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let title = named("title").map(text_of).find(|t| !t.is_empty()).unwrap_or_default();
    let authors = named("creator").map(text_of).filter(|t| !t.is_empty()).collect();
    // The manifest: id → (path, media type, properties).
    let items: Vec<(&str, String, &str, &str)> = named("item")
        .filter_map(|n| {
            let id = n.attribute("id")?;
            let href = n.attribute("href")?;
            let media = n.attribute("media-type").unwrap_or("");
            let props = n.attribute("properties").unwrap_or("");
            Some((id, resolve(base, href).0, media, props))
        })
        .collect();
    let by_id = |id: &str| items.iter().find(|i| i.0 == id);
    let spine_node = named("spine").next();
    let spine: Vec<String> = spine_node
        .map(|s| {
            s.children()
                .filter(|n| n.is_element() && n.tag_name().name() == "itemref")
                .filter_map(|n| n.attribute("idref"))
                // An idref the manifest does not know is kept as it is: it is in no
                // entry of the zip, so it is reported as a missing chapter.
                .map(|id| by_id(id).map_or_else(|| id.to_string(), |i| i.1.clone()))
                .collect()
        })
        .unwrap_or_default();
    // A file listed twice is read once, where it is first listed: a spine repeating one
    // chapter ten thousand times would otherwise multiply its text.
    let mut seen = std::collections::HashSet::new();
    let spine: Vec<String> = spine.into_iter().filter(|p: &String| seen.insert(p.clone())).collect();
    let nav = items.iter().find(|i| i.3.split_whitespace().any(|p| p == "nav")).map(|i| i.1.clone());
    let ncx = spine_node
        .and_then(|s| s.attribute("toc"))
        .and_then(by_id)
        .or_else(|| items.iter().find(|i| i.2 == "application/x-dtbncx+xml"))
        .map(|i| i.1.clone());
    Package { title, authors, spine, nav, ncx }
}

/// The folder of a path in the zip, with its trailing `/` ("" at the top).
pub fn dir_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..=i])
}

/// An href as a path in the zip and its fragment: percent-decoded, relative to `base`
/// (a folder ending in `/`, or ""), with `.` and `..` resolved (never above the top).
pub fn resolve(base: &str, href: &str) -> (String, Option<String>) {
    let (path, frag) = match href.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f)).filter(|f| !f.is_empty())),
        None => (href, None),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let joined =
        if path.starts_with('/') { percent_decode(path) } else { format!("{base}{}", percent_decode(path)) };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    (parts.join("/"), frag)
}

/// `%XX` escapes decoded (as UTF-8; a bad escape stays as written).
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(h), Some(l)) =
                (b.get(i + 1).and_then(|&c| hex(c)), b.get(i + 2).and_then(|&c| hex(c)))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_resolve_against_the_package_folder() {
        assert_eq!(
            resolve("OEBPS/", "text/ch1.xhtml#s2"),
            ("OEBPS/text/ch1.xhtml".into(), Some("s2".into()))
        );
        assert_eq!(resolve("OEBPS/text/", "../ch%201.xhtml"), ("OEBPS/ch 1.xhtml".into(), None));
        assert_eq!(resolve("", "../../a.xhtml#"), ("a.xhtml".into(), None));
        assert_eq!(resolve("OPS/", "%E7%AB%A0.xhtml"), ("OPS/章.xhtml".into(), None));
        assert_eq!(dir_of("OEBPS/content.opf"), "OEBPS/");
        assert_eq!(dir_of("content.opf"), "");
    }

    #[test]
    fn the_package_gives_metadata_spine_and_tables_of_contents() {
        let opf = r#"<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
 <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>  呐喊 </dc:title><dc:creator>鲁迅</dc:creator>
 </metadata>
 <manifest>
  <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
  <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
  <item id="c2" href="text/c2.xhtml" media-type="application/xhtml+xml"/>
  <item id="c1" href="text/c1.xhtml" media-type="application/xhtml+xml"/>
 </manifest>
 <spine toc="ncx"><itemref idref="c1"/><itemref idref="c2"/><itemref idref="c1"/><itemref idref="gone"/></spine>
</package>"#;
        let doc = parse_xml("content.opf", opf).unwrap();
        let p = parse_opf(&doc, "OEBPS/");
        assert_eq!(p.title, "呐喊");
        assert_eq!(p.authors, ["鲁迅"]);
        assert_eq!(p.spine, ["OEBPS/text/c1.xhtml", "OEBPS/text/c2.xhtml", "gone"]);
        assert_eq!(p.nav.as_deref(), Some("OEBPS/nav.xhtml"));
        assert_eq!(p.ncx.as_deref(), Some("OEBPS/toc.ncx"));
    }

    #[test]
    fn an_entry_in_a_declared_legacy_encoding_is_decoded() {
        let text = "<?xml version=\"1.0\" encoding=\"GBK\"?><p>呐喊</p>";
        let bytes = encoding_rs::GB18030.encode(text).0;
        assert_eq!(entry_text(&bytes), text);
        assert_eq!(entry_text("<p>呐喊</p>".as_bytes()), "<p>呐喊</p>");
        assert_eq!(entry_text(b"\xef\xbb\xbf<p/>"), "<p/>");
    }

    #[test]
    fn a_meta_charset_after_a_long_style_is_read() {
        // A head with a long stylesheet before the `<meta>`: past the first kilobyte.
        let style = "p { margin: 0; } ".repeat(100);
        let text =
            format!("<html><head><style>{style}</style><meta charset=\"gb2312\"/></head><p>呐喊</p></html>");
        let bytes = encoding_rs::GB18030.encode(&text).0;
        assert_eq!(entry_text(&bytes), text);
    }

    #[test]
    fn malformed_xml_is_reported_at_its_line_and_column() {
        let e = parse_xml("content.opf", "<package>\n  <metadata>\n</package>").unwrap_err();
        let Problem::BadXml { name, line, col, .. } = e else { panic!("{e:?}") };
        assert_eq!((name.as_str(), line), ("content.opf", 3));
        assert!(col >= 1);
    }
}
