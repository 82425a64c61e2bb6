//! The fingerprint of a file's beginning, read from the file's start alone
//! (`open::fingerprint_file`, what tells whether a record's file still holds its text), is
//! the fingerprint of the whole document opening the file gives: on every text, page and
//! book under tests/, and on texts in other encodings around the size where only the start
//! is read.

use std::path::{Path, PathBuf};

use encoding_rs::{BIG5, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use proptest::prelude::*;
use yuedu::document::load::{self, SNIFF_BYTES};
use yuedu::document::{fingerprint, open};

/// The fingerprint as it was found before: the whole file opened.
fn whole(path: &Path) -> Option<String> {
    open::open(path, None).ok().map(|doc| fingerprint(&doc.text))
}

/// Whether only the start of the file at `path` is read for its fingerprint.
fn start_only(path: &Path) -> bool {
    let (file, _) = load::open_regular(path).expect("opens");
    load::read_start(&file).expect("reads").is_some()
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files_under(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| ["txt", "md", "html", "epub"].contains(&&*e.to_string_lossy()))
        {
            out.push(path);
        }
    }
}

#[test]
fn every_text_page_and_book_under_tests_has_the_fingerprint_of_its_document() {
    let mut files = Vec::new();
    files_under(Path::new("tests"), &mut files);
    assert!(files.len() > 30, "{files:?}");
    for path in files {
        let found = open::fingerprint_file(&path);
        assert_eq!(found, whole(&path), "{}", path.display());
    }
}

/// `text` in `enc` (with a byte-order mark for UTF-16, as such files carry), as a file.
fn encoded(text: &str, enc: &'static Encoding, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if enc == UTF_16LE || enc == UTF_16BE {
        bytes.extend_from_slice(if enc == UTF_16LE { &[0xff, 0xfe] } else { &[0xfe, 0xff] });
        for u in text.encode_utf16() {
            bytes.extend(if enc == UTF_16LE { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        return bytes;
    }
    if bom {
        bytes.extend_from_slice(b"\xef\xbb\xbf");
    }
    bytes.extend_from_slice(&enc.encode(text).0);
    bytes
}

/// Lines of `corpus` repeated until the text holds at least `bytes` bytes, cut at a char.
fn text_of(corpus: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + corpus.len());
    while s.len() < bytes {
        s.push_str(corpus);
    }
    let mut end = bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

#[test]
fn texts_in_other_encodings_around_the_start_read_have_the_fingerprint_of_their_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let novel = std::fs::read_to_string("tests/corpus/texts/fiction-02-sanguo.txt").expect("corpus text");
    let mut checked = 0;
    let mut from_start = 0;
    // Sizes of the text in UTF-8: below the bytes that decide the encoding (read whole), just
    // past them, and well past.
    let encodings =
        [(UTF_8, false), (UTF_8, true), (GB18030, false), (BIG5, false), (UTF_16LE, true), (UTF_16BE, true)];
    let mut cases: Vec<(usize, &'static Encoding, bool, &str)> =
        vec![(SNIFF_BYTES - 7, UTF_8, false, "t.txt")];
    // Past them in its own encoding: GB18030, Big5 and UTF-16 take two bytes for three of
    // UTF-8's Chinese.
    let past = |enc: &Encoding| if enc == UTF_8 { SNIFF_BYTES + 64 } else { SNIFF_BYTES * 8 / 5 };
    cases.extend(encodings.map(|(enc, bom)| (past(enc), enc, bom, "t.txt")));
    cases.extend([
        (SNIFF_BYTES * 5 / 2, GB18030, false, "t.txt"),
        (SNIFF_BYTES * 5 / 2, UTF_16LE, true, "t.txt"),
    ]);
    cases.push((SNIFF_BYTES + 64, UTF_8, false, "t.md"));
    for (size, enc, bom, name) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, encoded(&text_of(&novel, size), enc, bom)).expect("write");
        let what = format!("{size} bytes in {}{} as {name}", enc.name(), if bom { " with BOM" } else { "" });
        let found = open::fingerprint_file(&path);
        assert!(found.is_some(), "{what}");
        assert_eq!(found, whole(&path), "{what}");
        checked += 1;
        from_start += usize::from(start_only(&path));
    }
    assert_eq!((from_start, checked), (9, 10), "only the start read of all but the short file");
}

#[test]
fn a_start_with_markup_a_nul_or_nothing_to_read_is_fingerprinted_as_the_whole_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body = text_of("　　第一回 宴桃园豪杰三结义，斩黄巾英雄首立功。\n", SNIFF_BYTES * 2);
    let cases: Vec<(&str, String)> = vec![
        // A page by its start: its text is what the markup holds.
        ("page.txt", format!("<!DOCTYPE html><html><body><h1>标题</h1><p>{body}</p></body></html>")),
        // Markdown may start with markup and stays Markdown.
        ("notes.md", format!("<html><body>\n{body}")),
        ("comment.txt", format!("<!-- {} -->\n<html><body><p>正文</p>", "x".repeat(SNIFF_BYTES))),
        // A NUL in the start refuses the whole text; blank lines before the text do not.
        ("nul.txt", format!("第一行\n\0{body}")),
        ("blank.txt", format!("{}{body}", "\n　\n".repeat(SNIFF_BYTES / 4))),
        ("blank-only.txt", "\n \n".repeat(SNIFF_BYTES / 2)),
    ];
    for (name, text) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        assert_eq!(open::fingerprint_file(&path), whole(&path), "{name}");
    }
    assert!(start_only(&dir.path().join("notes.md")));
    assert_eq!(open::fingerprint_file(&dir.path().join("nul.txt")), None);
    assert_eq!(open::fingerprint_file(&dir.path().join("blank-only.txt")), None);
    assert!(open::fingerprint_file(&dir.path().join("blank.txt")).is_some());
    assert_eq!(open::fingerprint_file(&dir.path().join("missing.txt")), None);
}

fn encodings() -> impl Strategy<Value = &'static Encoding> {
    prop::sample::select(vec![UTF_8, GB18030, BIG5, UTF_16LE, UTF_16BE])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    // Any lines, repeated past the bytes that decide the encoding and cut anywhere (a
    // character cut in two at the file's end, bad bytes in the middle).
    #[test]
    fn any_text_past_the_start_has_the_fingerprint_of_its_document(
        enc in encodings(),
        line in "[\u{4e00}-\u{4e80}a-z0-9，。“”：\u{3000}\u{20000}]{1,40}(\r\n|\n)",
        extra in 0usize..(64 << 10),
        bad in prop::option::of(0usize..(1 << 20)),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.txt");
        let mut bytes = encoded(&text_of(&line, SNIFF_BYTES / 2), enc, false);
        while bytes.len() < SNIFF_BYTES + extra {
            bytes.extend_from_within(..bytes.len().min(SNIFF_BYTES + extra - bytes.len()));
        }
        if let Some(at) = bad {
            let at = at.min(bytes.len() - 1);
            bytes[at] = 0xff;
        }
        std::fs::write(&path, &bytes).expect("write");
        prop_assert_eq!(open::fingerprint_file(&path), whole(&path));
    }
}
