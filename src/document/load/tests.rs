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

/// Bytes that are UTF-8 to `len` bytes (Chinese, a few ASCII), cut anywhere.
fn utf8_bytes(len: usize) -> Vec<u8> {
    let line = "第一回 甄士隐梦幻识通灵，此开卷第一回也。abc\n";
    let mut bytes = line.repeat(len / line.len() + 1).into_bytes();
    bytes.truncate(len);
    bytes
}

/// `utf8_start` of `bytes` beside what `choose_encoding` makes of the same start.
fn check_quick_start(bytes: &[u8]) {
    let Ok(quick) = utf8_start(bytes) else { panic!("{} bytes: not read", bytes.len()) };
    let mut head = bytes[..bytes.len().min(SNIFF_BYTES)].to_vec();
    let complete = bytes.len() < SNIFF_BYTES;
    if let Some(said) = quick {
        assert_eq!(said, complete, "{} bytes", bytes.len());
        assert!(
            choose_encoding(&head, complete, None).is_none(),
            "{} bytes: not UTF-8 by counting",
            bytes.len()
        );
    }
    // A start valid to its end is always told without counting.
    let other_mark = Encoding::for_bom(&head).is_some_and(|(e, _)| e != UTF_8);
    if Encoding::utf8_valid_up_to(&head) == head.len() && !other_mark {
        assert_eq!(quick, Some(complete), "{} bytes, all valid", bytes.len());
    }
    head.clear();
}

#[test]
fn the_quick_look_in_pieces_tells_utf8_as_choosing_does() {
    let edges =
        [0, 1, 2, 3, 4, START_PIECE_BYTES - 1, START_PIECE_BYTES, START_PIECE_BYTES + 1, SNIFF_BYTES - 2];
    for len in edges.iter().copied().chain([SNIFF_BYTES - 1, SNIFF_BYTES, SNIFF_BYTES + 1, SNIFF_BYTES + 5]) {
        check_quick_start(&utf8_bytes(len));
    }
    // A bad byte or a stray lead byte anywhere in the start, at the ends of pieces above all.
    for at in edges.iter().copied().chain([2 * START_PIECE_BYTES - 2, SNIFF_BYTES - 1]) {
        for bad in [0x80u8, 0xe4, 0xff] {
            let mut bytes = utf8_bytes(SNIFF_BYTES + 100);
            bytes[at] = bad;
            check_quick_start(&bytes);
            bytes.truncate(at + 1);
            check_quick_start(&bytes);
        }
    }
    // Byte-order marks, another encoding, a file of one cut character.
    check_quick_start(&[b"\xef\xbb\xbf", &utf8_bytes(1000)[..]].concat());
    check_quick_start(b"\xef\xbb\xbf");
    check_quick_start(b"\xef\xbb\xbf\xe4\xb8");
    check_quick_start(&[b"\xef\xbb\xbf", &utf8_bytes(SNIFF_BYTES + 10)[..]].concat());
    check_quick_start(&[b"\xff\xfe", &utf8_bytes(1000)[..]].concat());
    check_quick_start(&enc(&String::from_utf8_lossy(&utf8_bytes(200_000)), GB18030));
    check_quick_start(&[0xe4, 0xb8]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Reading a file decodes it as decoding its bytes does, whatever its start: UTF-8 cut
    /// or spoilt near a piece's end, another encoding after a UTF-8 start, a BOM.
    #[test]
    fn a_file_decodes_as_its_bytes_do(
        len in 0usize..(SNIFF_BYTES + 3 * START_PIECE_BYTES),
        spoilt in proptest::collection::vec((0usize..(SNIFF_BYTES + 3 * START_PIECE_BYTES), 0x80u8..=0xff), 0..3),
        near_piece_end in proptest::option::of((1usize..17, 0usize..4)),
        legacy_from in proptest::option::of(0usize..(SNIFF_BYTES + 3 * START_PIECE_BYTES)),
        bom in proptest::bool::ANY,
    ) {
        let mut bytes = utf8_bytes(len);
        for (at, b) in spoilt {
            if at < bytes.len() {
                bytes[at] = b;
            }
        }
        if let Some((piece, back)) = near_piece_end {
            let at = (piece * START_PIECE_BYTES).saturating_sub(back);
            if at < bytes.len() {
                bytes[at] = 0xe4;
            }
        }
        if let Some(from) = legacy_from.filter(|&f| f < bytes.len()) {
            let rest = String::from_utf8_lossy(&bytes[from..]).into_owned();
            bytes.truncate(from);
            bytes.extend(enc(&rest, GB18030));
        }
        if bom {
            bytes.splice(0..0, *b"\xef\xbb\xbf");
        }
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, &bytes).unwrap();
        let mut seen = Vec::new();
        let from_file = read_opened(Path::new("t.txt"), &file, bytes.len() as u64, None, &mut |text, _, _| {
            seen.push(text.len());
        });
        let from_bytes = decode(&bytes, None);
        match (from_file, from_bytes) {
            (Ok(a), Ok(b)) => {
                proptest::prop_assert_eq!(a.encoding, b.encoding);
                proptest::prop_assert!(a.text == b.text, "texts differ");
                proptest::prop_assert_eq!(a.warnings, b.warnings);
            }
            (Err(_), Err(_)) => {}
            (a, b) => proptest::prop_assert!(false, "file {:?}, bytes {:?}", a.map(|d| d.encoding), b.map(|d| d.encoding)),
        }
        // The text grows in pieces: a long file's beginning can be shown before its first
        // megabyte is decoded.
        proptest::prop_assert!(seen.windows(2).all(|w| w[0] <= w[1]));
    }
}

#[test]
fn a_long_utf8_file_is_seen_a_piece_at_a_time_from_its_start() {
    let bytes = "第一回 甄士隐梦幻识通灵，此开卷第一回也。abc\n".repeat(3 * SNIFF_BYTES / 64).into_bytes();
    let mut file = tempfile::tempfile().unwrap();
    std::io::Write::write_all(&mut file, &bytes).unwrap();
    let mut seen = Vec::new();
    let d = read_opened(Path::new("t.txt"), &file, bytes.len() as u64, None, &mut |text, read, _| {
        seen.push((text.len(), read));
    })
    .unwrap();
    assert!(d.text.as_bytes() == bytes.as_slice());
    assert!(seen[0].1 <= START_PIECE_BYTES, "first seen after {} bytes read", seen[0].1);
    assert!(seen[0].0 <= START_PIECE_BYTES && seen[0].0 > 0, "{:?}", &seen[..3]);
}
