//! The examples of the typesetting guide and the rules of Chinese line breaking, one by one.

use yuedu::layout::linebreak::{VisualLine, WrapOptions, break_opportunities, indent_cells, str_width, wrap};

fn opts() -> WrapOptions {
    WrapOptions::default()
}

/// The shown text of each line.
fn texts(lines: &[VisualLine]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

fn wrap0(p: &str, width: usize) -> Vec<VisualLine> {
    wrap(p, 0, width, 0, &opts())
}

#[test]
fn quotes_between_hanzi_break_outside_the_marks() {
    // “你好” is 6 columns with narrow quotes: the guide's split appears at width 6.
    assert_eq!(texts(&wrap0("他说“你好”我说", 6)), ["他说", "“你好”", "我说"]);
    // At width 4 it cannot fit: ” stays with 好 and “ with 你.
    assert_eq!(texts(&wrap0("他说“你好”我说", 4)), ["他说", "“你", "好”", "我说"]);
    // Wide quotes: greedy fill takes “你 onto the first line, whose quote may not end it.
    let wide = WrapOptions { ambiguous_wide: true, ..opts() };
    assert_eq!(texts(&wrap("他说“你好”我说", 0, 8, 0, &wide)), ["他说“你", "好”我说"]);
}

#[test]
fn lb19a_tailoring_adds_breaks_only_between_east_asian_neighbours() {
    let p = "他说“你好”我说";
    let at = |s: &str| p.find(s).unwrap();
    let b = break_opportunities(p, &opts());
    assert!(b.contains(&at("“")), "break before “: {b:?}");
    assert!(b.contains(&at("我")), "break after ”: {b:?}");
    assert!(!b.contains(&at("你")), "no break after “: {b:?}");
    assert!(!b.contains(&at("”")), "no break before ”: {b:?}");
    // A Latin neighbour keeps the old rule: no break on either side.
    let q = "he said “hi” ok";
    let bq = break_opportunities(q, &opts());
    assert!(!bq.contains(&q.find("hi").unwrap()));
}

#[test]
fn guide_sentence_at_width_20() {
    let p = "陈海慈表示，“这里不仅汇聚了整条产业链的上下游企业。”1.6万亿元，占全市GDP的24.8%。";
    let lines = wrap0(p, 20);
    for l in &lines {
        assert!(l.width <= 20, "{l:?}");
        let first = l.text.chars().next().unwrap();
        assert!(!"，。".contains(first), "line starts with {first}: {:?}", texts(&lines));
    }
    let t = texts(&lines);
    assert!(t.iter().any(|l| l.contains("1.6万亿元")), "{t:?}");
    assert!(t.iter().any(|l| l.contains("24.8%。")), "{t:?}");
    assert_eq!(t.concat(), p);
}

#[test]
fn a_then_hanzi_at_widths_1_and_2() {
    for w in [1, 2] {
        let lines = wrap0("a中文字", w);
        assert_eq!(texts(&lines).concat(), "a中文字", "width {w}");
    }
    assert_eq!(texts(&wrap0("a中文字", 1)), ["a", "中", "文", "字"]);
    assert_eq!(texts(&wrap0("a中文字", 2)), ["a", "中", "文", "字"]);
    assert_eq!(texts(&wrap0("a中文字", 3)), ["a中", "文", "字"]);
    assert_eq!(texts(&wrap0("a中文字", 4)), ["a中", "文字"]);
}

#[test]
fn no_line_starts_with_closing_punctuation() {
    // Greedy would put ， at the start of line 2; push-out takes 字 down with it.
    assert_eq!(texts(&wrap0("一二三四五，六七", 10)), ["一二三四", "五，六七"]);
    assert_eq!(texts(&wrap0("一二三四五。", 10)), ["一二三四", "五。"]);
    assert_eq!(texts(&wrap0("一二三四五）", 10)), ["一二三四", "五）"]);
    // ASCII marks too.
    assert_eq!(texts(&wrap0("abcd efgh!", 9)), ["abcd", "efgh!"]);
}

#[test]
fn no_line_ends_with_opening_marks() {
    assert_eq!(texts(&wrap0("一二三四《五六》", 10)), ["一二三四", "《五六》"]);
    assert_eq!(texts(&wrap0("一二三四“五六”", 9)), ["一二三四", "“五六”"]);
    assert_eq!(texts(&wrap0("一二三四（五六）", 10)), ["一二三四", "（五六）"]);
}

#[test]
fn dashes_and_ellipses_stay_whole_and_off_the_line_start() {
    // From width 4 the unit 说—— fits; below it is cut like any run that cannot fit.
    for w in 4..12 {
        for p in ["他说——不对", "产业……日前", "他说……", "他说——"] {
            let lines = wrap0(p, w);
            for (i, l) in lines.iter().enumerate() {
                assert!(!l.text.starts_with(['—', '…']), "{p} at {w}: {:?}", texts(&lines));
                if i + 1 < lines.len() {
                    assert!(!l.text.ends_with("—") || l.text.ends_with("——"), "{:?}", texts(&lines));
                    assert!(!l.text.ends_with("…") || l.text.ends_with("……"), "{:?}", texts(&lines));
                }
            }
        }
    }
}

#[test]
fn numbers_stay_with_magnitude_and_unit() {
    for (unit, p) in [
        ("1.6万亿元", "规模达1.6万亿元"),
        ("80多人", "拥有一支80多人的团队"),
        ("2014年", "成立于2014年的公司"),
        ("4000余家", "聚集了4000余家企业"),
        ("5月24日", "时间是5月24日上午"),
        ("3厘米", "长度约3厘米左右"),
        ("24.8%", "占全市GDP的24.8%"),
        ("1,000", "共有1,000个"),
        ("2023年5月24日", "在2023年5月24日那天"),
    ] {
        let b = break_opportunities(p, &opts());
        let s = p.find(unit).unwrap();
        let inside: Vec<_> = b.iter().filter(|&&o| o > s && o < s + unit.len()).collect();
        assert!(inside.is_empty(), "{unit} in {p}: breaks at {inside:?}");
        for w in str_width(unit, false)..30 {
            let lines = wrap0(p, w);
            assert!(texts(&lines).iter().any(|l| l.contains(unit)), "{unit} at {w}: {:?}", texts(&lines));
        }
    }
    // The unit is glued, the text after it is not.
    let p = "共80多人的团队";
    assert!(break_opportunities(p, &opts()).contains(&p.find("的").unwrap()));
}

#[test]
fn latin_words_and_emoji_sequences_stay_whole() {
    let p = "占全市GDP的比重";
    let b = break_opportunities(p, &opts());
    let s = p.find("GDP").unwrap();
    assert!(!b.iter().any(|&o| o > s && o < s + 3));
    let family = "👨\u{200d}👩\u{200d}👧";
    let p = format!("一家{family}出游");
    for w in 2..10 {
        let lines = wrap0(&p, w);
        assert!(texts(&lines).iter().any(|l| l.contains(family)), "{w}: {:?}", texts(&lines));
        assert!(lines.iter().all(|l| l.width <= w));
    }
    let e = "cafe\u{301}";
    for w in 1..6 {
        let lines = wrap0(e, w);
        assert!(!texts(&lines).iter().any(|l| l.starts_with('\u{301}')), "{:?}", texts(&lines));
    }
}

#[test]
fn grapheme_widths_count_a_cluster_once() {
    let family = "👨\u{200d}👩\u{200d}👧";
    let lines = wrap0(family, 10);
    assert_eq!(lines[0].width, 2);
}

#[test]
fn emergency_breaks_fill_lines_and_never_overflow() {
    let long: String = "a".repeat(10_000);
    let lines = wrap0(&long, 7);
    assert_eq!(lines.len(), 10_000usize.div_ceil(7));
    assert!(lines.iter().all(|l| l.width <= 7));
    assert_eq!(texts(&lines).concat(), long);
    let digits: String = "1234567890".repeat(1_000);
    let lines = wrap0(&digits, 3);
    assert!(lines.iter().all(|l| l.width == 3 || l.end == digits.len()));
    // A number wider than the line is cut, not overflowing.
    assert_eq!(texts(&wrap0("1.6万亿元", 4)), ["1.6", "万亿", "元"]);
}

#[test]
fn spaces_at_a_break_belong_to_no_line() {
    let p = "hello world again";
    let lines = wrap0(p, 11);
    assert_eq!(texts(&lines), ["hello world", "again"]);
    assert_eq!(lines[0].end, 11);
    assert_eq!(lines[1].start, 12);
    let lines = wrap0("ab   cd", 3);
    assert_eq!(texts(&lines), ["ab", "cd"]);
}

#[test]
fn normalises_ascii_punctuation_next_to_hanzi_only() {
    let p = "上海,北京;广州:深圳(中国)好!对?";
    let lines = wrap0(p, 80);
    assert_eq!(lines[0].text, "上海，北京；广州：深圳（中国）好！对？");
    assert_eq!(lines[0].end - lines[0].start, p.len(), "offsets point into the source");
    assert_eq!(lines[0].text.chars().count(), p.chars().count());
    // Separators inside numbers and punctuation in Latin text stay.
    assert_eq!(wrap0("共1,000人,8:30到,f(x) = 1, 2!", 80)[0].text, "共1,000人，8:30到，f(x) = 1, 2!");
    // The article's cases: beside a number, a percent sign or a quote.
    assert_eq!(wrap0("表示,2023年,1.6万亿元", 80)[0].text, "表示，2023年，1.6万亿元");
    assert_eq!(wrap0("24.8%,占", 80)[0].text, "24.8%，占");
    assert_eq!(wrap0("表示,“这里”),说:“好", 80)[0].text, "表示，“这里”），说：“好");
    let off = WrapOptions { normalize_punctuation: false, ..opts() };
    assert_eq!(wrap("上海,北京", 0, 80, 0, &off)[0].text, "上海,北京");
}

#[test]
fn normalised_marks_follow_the_line_start_rule_and_are_two_columns() {
    // `,` shown as `，` is two columns and may not start a line.
    let lines = wrap0("一二三四五,六七", 10);
    assert_eq!(texts(&lines), ["一二三四", "五，六七"]);
    assert_eq!(lines[1].width, 8);
}

#[test]
fn ambiguous_wide_counts_quotes_and_dashes_as_two() {
    let wide = WrapOptions { ambiguous_wide: true, ..opts() };
    let l = &wrap("“…—·”", 0, 80, 0, &wide)[0];
    assert_eq!(l.width, 10);
    let l = &wrap("“…—·”", 0, 80, 0, &opts())[0];
    assert_eq!(l.width, 5);
}

#[test]
fn strict_keeps_the_wave_dash_off_the_line_start() {
    // Small kana, ー and 々 are already non-starters (UAX #14 resolves CJ to NS).
    let strict = WrapOptions { strict: true, ..opts() };
    for p in ["人人々", "人人ー", "人人ぁ"] {
        assert!(!break_opportunities(p, &opts()).contains(&6), "{p}");
    }
    let p = "人人～";
    assert!(break_opportunities(p, &opts()).contains(&6));
    assert!(!break_opportunities(p, &strict).contains(&6));
}

#[test]
fn byte_ranges_point_into_the_document() {
    let p = "上海从“建框架”向“强功能”跃升";
    let lines = wrap(p, 1000, 8, 4, &opts());
    assert_eq!(lines[0].start, 1000);
    for w in lines.windows(2) {
        assert_eq!(w[0].end, w[1].start);
    }
    assert_eq!(lines.last().unwrap().end, 1000 + p.len());
}

#[test]
fn first_line_indent_is_kept_at_every_width() {
    let p = "上海加快培育新质生产力";
    for width in 1..30 {
        let lines = wrap(p, 0, width, 4, &opts());
        let indent: usize = lines.iter().map(|l| l.indent).sum();
        assert_eq!(indent, 4, "width {width}: {lines:?}");
        for l in &lines {
            assert!(l.indent + l.width <= width.max(2), "width {width}: {l:?}");
        }
        assert_eq!(texts(&lines).concat(), p);
    }
    // Room for the indent and one hanzi: they share the first row.
    assert_eq!(wrap(p, 0, 6, 4, &opts())[0].text, "上");
    // Room for the indent only: the indent keeps the first row to itself.
    let lines = wrap(p, 0, 5, 4, &opts());
    assert_eq!((lines[0].indent, lines[0].text.as_str()), (4, ""));
    assert_eq!(lines[1].indent, 0);
    // Narrower than the indent: the indent goes on over the next row.
    let lines = wrap(p, 0, 3, 4, &opts());
    assert_eq!((lines[0].indent, lines[0].text.as_str()), (3, ""));
    assert_eq!((lines[1].indent, lines[1].text.as_str()), (1, "上"));
    // A unit that fits a row but not beside the indent moves down whole.
    let lines = wrap("1.6万亿元", 0, 12, 4, &opts());
    assert_eq!(texts(&lines), ["", "1.6万亿元"]);
    assert_eq!(lines[0].indent, 4);
}

#[test]
fn indent_cells_pads_a_partial_indent() {
    assert_eq!(indent_cells("　　", 4, false), "　　");
    assert_eq!(indent_cells("　　", 3, false), "　 ");
    assert_eq!(indent_cells("　　", 1, false), " ");
}

#[test]
fn empty_paragraph_gives_one_empty_line() {
    let lines = wrap("", 7, 10, 4, &opts());
    assert_eq!(lines.len(), 1);
    assert_eq!((lines[0].start, lines[0].end, lines[0].indent), (7, 7, 4));
}

#[test]
fn a_normalised_mark_breaks_like_the_full_width_mark_shown() {
    // UAX #14 glues ASCII `,` to a digit after it; the `，` shown may end a line.
    let p = "年龄不到30岁,00后就有十几位";
    assert!(break_opportunities(p, &opts()).contains(&p.find("00后").unwrap()));
    let off = WrapOptions { normalize_punctuation: false, ..opts() };
    assert!(!break_opportunities(p, &off).contains(&p.find("00后").unwrap()));
    // And `(` shown as `（` may start a line after a Latin word.
    let p = "占GDP(国内生产总值)的";
    assert!(break_opportunities(p, &opts()).contains(&p.find('(').unwrap()));
}

#[test]
fn display_text_shows_a_heading_as_the_text_pane_does() {
    let opts = WrapOptions::default();
    let heading = "青年驱动,未来产业跑出“加速度”";
    let shown = yuedu::layout::linebreak::display_text(heading, &opts);
    assert_eq!(shown, "青年驱动，未来产业跑出“加速度”");
    let wrapped: String = wrap(heading, 0, 200, 0, &opts).iter().map(|l| l.text.as_str()).collect();
    assert_eq!(shown, wrapped, "the same marks as the wrapped text");
    assert_eq!(yuedu::layout::linebreak::display_text("1,000 GDP: 24.8%", &opts), "1,000 GDP: 24.8%");
    let off = WrapOptions { normalize_punctuation: false, ..opts };
    assert_eq!(yuedu::layout::linebreak::display_text(heading, &off), heading);
}

#[test]
fn a_date_or_time_chain_breaks_between_its_parts_never_inside_a_number() {
    for (chain, parts) in [
        ("2024年5月24日", &["2024年", "5月", "24日"][..]),
        ("7时36分", &["7时", "36分"][..]),
        ("3月15日", &["3月", "15日"][..]),
    ] {
        let p = format!("时间：{chain}，天晴");
        let mut cuts = 0;
        for w in 6..=str_width(chain, false) + 4 {
            let lines = wrap0(&p, w);
            let shown = texts(&lines);
            assert_eq!(shown.concat(), p, "nothing lost at {w}");
            // Where the chain is cut, it is cut at the end of one of its parts.
            let start = p.find(chain).unwrap();
            let mut at = 0;
            for l in &lines[..lines.len() - 1] {
                at += l.text.len();
                if at > start && at < start + chain.len() {
                    let done = &p[start..at];
                    let mut ends = parts.iter().scan(0, |n, part| {
                        *n += part.len();
                        Some(*n)
                    });
                    assert!(ends.any(|e| e == done.len()), "{chain} cut inside a part at {w}: {shown:?}");
                    cuts += 1;
                }
            }
        }
        assert!(cuts > 0, "{chain} is cut at some width");
    }
}

#[test]
fn a_space_between_a_number_and_its_unit_is_no_break() {
    let p = "今年规模达 3.65 万亿元，投资 2 万亿元以上";
    for w in 12..40 {
        let shown: Vec<String> = wrap0(p, w).iter().map(|l| l.text.trim_end().to_string()).collect();
        for pair in shown.windows(2) {
            let last = pair[0].chars().last().unwrap_or(' ');
            assert!(!last.is_ascii_digit(), "a number left without its unit at {w}: {shown:?}");
        }
    }
}
