//! Property tests over the invariants the fuzz targets check (`tests/fuzz/src/lib.rs`):
//! line breaking, figure and quote spans, documents, config and bookmarks files. Short runs,
//! so every change is checked; the fuzzers run the same checks for much longer.

#[path = "fuzz/src/lib.rs"]
mod invariants;

use proptest::prelude::*;

/// Pieces Chinese articles are made of, and some that they are not.
const PIECES: &[&str] = &[
    "上",
    "海",
    "人",
    "工",
    "智",
    "能",
    "产",
    "业",
    "发",
    "展",
    "的",
    "了",
    "，",
    "。",
    "、",
    "；",
    "：",
    "？",
    "！",
    "“",
    "”",
    "‘",
    "’",
    "（",
    "）",
    "《",
    "》",
    "「",
    "」",
    "【",
    "】",
    "·",
    "…",
    "……",
    "—",
    "——",
    "%",
    "‰",
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "1",
    "2024",
    "1.6",
    "24.8",
    "1,000",
    "80",
    "万",
    "亿",
    "元",
    "多",
    "余",
    "年",
    "月",
    "日",
    "GDP",
    "AI",
    "the",
    "model",
    " ",
    " ",
    "  ",
    "　",
    "👍",
    "👨‍👩‍👧",
    "é",
    "e\u{301}",
    "ｱ",
    "\t",
    "\u{200b}",
    "¥",
    "$",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => paragraph(),
            1 => Just("\n".to_string()),
            1 => Just("一、总体要求".to_string()),
            1 => Just("（二）主要任务".to_string()),
            1 => Just("# 标题".to_string()),
            1 => Just("\r\n".to_string()),
        ],
        0..12,
    )
    .prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn wrapping_keeps_the_line_breaking_rules(
        p in paragraph(), width in 1usize..=120, indent in 0usize..=8, bits in 0u8..8,
    ) {
        invariants::check_wrap(&p, 5, width, indent, &invariants::options_from(bits));
    }

    #[test]
    fn wrapping_any_text_keeps_the_rules(p in "\\PC{0,80}", width in 0usize..=30, bits in 0u8..8) {
        invariants::check_wrap(&p, 0, width, 4, &invariants::options_from(bits));
    }

    #[test]
    fn figure_spans_are_in_order_and_in_bounds(p in paragraph(), base in 0usize..1000) {
        invariants::check_figures(&p, base);
    }

    #[test]
    fn quote_spans_are_in_order_and_in_one_paragraph(
        text in article(), extra in prop::collection::vec((0usize..400, 0usize..400), 0..4),
    ) {
        let extra: Vec<_> = extra.into_iter().map(|(a, b)| a..b).collect();
        invariants::check_quotes(&text, &extra);
    }

    #[test]
    fn documents_have_ordered_blocks_and_outline(text in article(), md in any::<bool>()) {
        invariants::check_document(if md { "x.md" } else { "x.txt" }, &text);
    }

    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(decoded) = yuedu::document::load::decode(&bytes, None) {
            invariants::check_document_shape(&yuedu::document::Document::new("x.txt", decoded));
        }
    }

    #[test]
    fn config_text_never_panics(text in "(\\[(layout|text|keys|theme|highlight|bookmarks)\\]\n|[a-z_]{1,12} = (\"[^\"\n]{0,8}\"|[0-9]{1,3}|true|\\[\"[A-Za-z-]{1,6}\"\\])\n|\\PC{0,10}\n){0,8}") {
        invariants::check_config(&text);
    }
}

#[test]
fn a_bookmarks_file_of_blanks_toml_does_not_take_for_blanks_is_left_as_it_is() {
    for text in ["\u{2000}", "\u{3000}\n", " \u{a0} "] {
        let dir = tempfile::tempdir().expect("tempdir");
        invariants::check_bookmarks_file(text.as_bytes(), dir.path());
    }
}

proptest! {
    // Each case writes and syncs a file: fewer cases.
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn bookmarks_files_keep_every_field_or_stay_untouched(
        extra_key in "[a-z_]{1,8}", extra_val in "(\"[^\"\\\\\n]{0,10}\"|[0-9]{1,5}|true|\\[1, 2\\]|\\{ a = 1 \\}|1979-05-27T07:32:00Z|1\\.5)",
        top_key in "[a-z]{1,6}", garbage in "\\PC{0,6}", mode in 0u8..3,
    ) {
        let good = format!(
            "{top_key}_x = 1\n\n[[bookmark]]\nid = \"a\"\narticle = \"b\"\ntitle = \"t\"\nquote = \"q\"\nline = 1\nstart = 0\nend = 3\ncreated = \"2026-01-01T00:00:00Z\"\n{extra_key}_y = {extra_val}\n"
        );
        let text = match mode {
            0 => good,
            1 => format!("{good}{garbage}"),
            _ => garbage,
        };
        let dir = tempfile::tempdir().expect("tempdir");
        invariants::check_bookmarks_file(text.as_bytes(), dir.path());
    }
}
