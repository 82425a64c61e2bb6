//! Unit tests of decoding: encodings told apart, bad bytes, and what is refused.

use super::*;

#[test]
fn a_short_utf8_file_with_its_last_character_cut_is_utf8() {
    let mut bytes = "阅读一篇文章".as_bytes().to_vec();
    bytes.pop();
    let d = decode(&bytes, None).expect("decodes");
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.text, "阅读一篇文\u{fffd}");
    assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
}

fn enc(text: &str, enc: &'static Encoding) -> Vec<u8> {
    enc.encode(text).0.into_owned()
}

#[test]
fn utf8_with_and_without_bom() {
    let d = decode("中文".as_bytes(), None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), ("中文", "UTF-8"));
    let d = decode(b"\xef\xbb\xbf\xe4\xb8\xad", None).unwrap();
    assert_eq!(d.text, "中");
    assert!(d.warnings.is_empty());
}

#[test]
fn gb18030_and_big5_are_detected() {
    let text = "第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀\n此开卷第一回也。作者自云：因曾历过一番梦幻之后，故将真事隐去。\n";
    let d = decode(&enc(text, GB18030), None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (text, "GB18030"));
    let trad = "第一回 甄士隱夢幻識通靈 賈雨村風塵懷閨秀\n此開卷第一回也。作者自云：因曾歷過一番夢幻之後，故將真事隱去。\n";
    let d = decode(&enc(trad, encoding_rs::BIG5), None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (trad, "Big5"));
}

#[test]
fn utf16_with_bom() {
    let mut le = vec![0xff, 0xfe];
    let mut be = vec![0xfe, 0xff];
    for u in "中文\nab".encode_utf16() {
        le.extend(u.to_le_bytes());
        be.extend(u.to_be_bytes());
    }
    let d = decode(&le, None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), ("中文\nab", "UTF-16LE"));
    let d = decode(&be, None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), ("中文\nab", "UTF-16BE"));
}

#[test]
fn a_few_invalid_bytes_become_replacement_characters_with_a_warning() {
    let mut bytes = "第一行中文内容\n第二行".as_bytes().to_vec();
    bytes.push(0xff);
    bytes.extend("还有很多中文字".as_bytes());
    let d = decode(&bytes, None).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.text, "第一行中文内容\n第二行\u{fffd}还有很多中文字");
    assert_eq!(d.warnings.len(), 1);
    assert!(d.warnings[0].contains("line 2"), "{:?}", d.warnings);
}

#[test]
fn forced_encoding_and_unknown_names() {
    let text = "中文";
    let d = decode(&enc(text, GB18030), Some("gbk")).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (text, "GBK"));
    let e = decode(b"abc", Some("klingon")).unwrap_err();
    assert!(e.contains("unknown encoding \"klingon\""), "{e}");
}

#[test]
fn nul_empty_and_blank_are_errors() {
    assert!(decode(b"abc\n\0def", None).unwrap_err().contains("NUL bytes (first at line 2)"));
    assert!(decode(b"", None).unwrap_err().contains("is empty"));
    assert!(decode("\n \r\n\u{3000}\n".as_bytes(), None).unwrap_err().contains("only blank lines"));
    assert!(decode(b"\xef\xbb\xbf", None).unwrap_err().contains("is empty"));
}

#[test]
fn another_encoding_after_a_long_ascii_start_is_detected() {
    let ascii = "chapter one\n".repeat(SNIFF_BYTES / 10);
    let text = format!(
        "{ascii}第一回 甄士隐梦幻识通灵\n此开卷第一回也。作者自云：因曾历过一番梦幻之后，故将真事隐去。\n"
    );
    let d = decode(&enc(&text, GB18030), None).unwrap();
    assert_eq!(d.encoding, "GB18030");
    assert!(d.text == text, "decoded text differs");
    assert!(d.warnings.is_empty());
}

#[test]
fn a_cut_character_at_the_sniff_boundary_is_not_an_error() {
    let s = utf8_stats(&"中文".as_bytes()[..4], false);
    assert_eq!(s.invalid, 0);
    // The last character of a whole file cut off does not make it another encoding…
    let s = utf8_stats(&"中文".as_bytes()[..4], true);
    assert_eq!(s.invalid, 0);
    // …but a file that is nothing but a stray lead byte is not UTF-8.
    assert_eq!(utf8_stats(&[0xe4], true).invalid, 1);
    assert_eq!(utf8_stats(b"ab\x80", true).invalid, 1);
}

#[test]
fn the_quick_look_at_a_start_decides_as_counting_does() {
    let chinese = "第一回 甄士隐梦幻识通灵\n此开卷第一回也。abc\n".repeat(3);
    let mut starts: Vec<Vec<u8>> =
        vec![chinese.as_bytes().to_vec(), enc(&chinese, GB18030), enc(&chinese, encoding_rs::BIG5)];
    // UTF-8 with a few bad bytes, and UTF-8 then another encoding.
    let mut bad = chinese.as_bytes().to_vec();
    bad.insert(7, 0x80);
    starts.push(bad);
    starts.push([chinese.as_bytes(), &enc(&chinese, GB18030)].concat());
    starts.push([&b"plain ascii "[..], &[0xe4, 0xb8]].concat());
    for bytes in &starts {
        for len in 0..=bytes.len() {
            for complete in [false, true] {
                let cut = &bytes[..len];
                let counted = utf8_stats(cut, complete).mostly_utf8();
                assert_eq!(start_is_utf8(cut, complete), counted, "{len} bytes of {bytes:?}, {complete}");
            }
        }
    }
}

#[test]
fn a_page_over_the_page_limit_is_refused_but_markdown_starting_with_markup_is_no_page() {
    let over = sniff::MAX_PAGE_BYTES + 1;
    let markup = b"<html><body><p>";
    assert!(check_page_size("notes.md", markup, over).is_ok(), "Markdown may start with HTML");
    assert!(check_page_size("NOTES.Markdown", markup, over).is_ok());
    assert!(check_page_size("notes.txt", markup, over).unwrap_err().contains("too large"));
    assert!(check_page_size("a.html", "　　正文".as_bytes(), over).is_err(), "a page by its name");
    assert!(check_page_size("notes.txt", "　　正文".as_bytes(), over).is_ok());
    assert!(check_page_size("a.html", markup, sniff::MAX_PAGE_BYTES).is_ok(), "at the limit");
}
