//! Figure detection: the bundled article's figures (a list written by reading the article
//! line by line), tricky non-figures, and spans on any text.

use yuedu::document::Document;
use yuedu::document::figures::{FigureKind, find_all, find_figures};

use FigureKind::{Age, Count, Date, Measure, Money, Other, Percent};

/// The figures of `article/shanghai.txt`: (source line, text, kind), in order.
const GOLDEN: &[(usize, &str, FigureKind)] = &[
    (4, "2023年", Date),
    (4, "三大", Count),
    (4, "1.6万亿元", Money),
    (4, "6.9%", Percent),
    (4, "24.8%", Percent),
    (7, "不到一年", Measure),
    (7, "近70家", Count),
    (7, "40岁以下", Age),
    (7, "70%", Percent),
    (9, "9家", Count),
    (10, "80多人", Count),
    (10, "27岁", Age),
    (11, "90后", Age),
    (14, "370家", Count),
    (15, "2014年", Date),
    (15, "10年", Measure),
    (16, "90%以上", Percent),
    (16, "90后", Age),
    (16, "2017年", Date),
    (16, "不到30岁", Age),
    (16, "00后", Age),
    (16, "十几位", Count),
    (17, "10年", Measure),
    (17, "两所", Count),
    (17, "近10万名", Count),
    (17, "超13万名", Count),
    (18, "4000余家", Count),
    (18, "660家", Count),
    (18, "137家", Count),
    (18, "亿元以上", Money),
    (18, "43家", Count),
    (18, "超10亿元", Money),
    (18, "10家", Count),
    (20, "5月24日", Date),
    (21, "不到3厘米", Measure),
    (21, "上百例", Count),
    (22, "七大", Count),
];

#[test]
fn the_bundled_article_has_exactly_the_figures_a_reader_finds() {
    let doc = Document::bundled();
    let got: Vec<(usize, &str, FigureKind)> =
        find_all(&doc).iter().map(|f| (doc.line_of(f.start), f.text(&doc.text), f.kind)).collect();
    let want: Vec<(usize, &str, FigureKind)> = GOLDEN.to_vec();
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "first difference");
    }
    assert_eq!(got, want);
}

#[test]
fn offsets_point_at_the_figure_text() {
    let doc = Document::bundled();
    for f in find_all(&doc) {
        let text = &doc.text[f.start..f.end];
        assert!(!text.is_empty());
        assert!(!text.starts_with(['达', ',', '，', '的']), "{text}");
        assert!(!text.ends_with([',', '，', '。', '的']), "{text}");
    }
}

/// Text that holds digits or numerals but no figure a reader wants stepped through.
const NOT_FIGURES: &[(&str, &str)] = &[
    ("国内首个大模型创新生态社区", "首 is an ordinal"),
    ("国内首台质子治疗装置", "首 is an ordinal"),
    ("一楼墙上的屏幕", "a floor, not a count"),
    ("还提供一系列要素保障服务", "a fixed word"),
    ("对于一家初创企业的生存", "一 + measure word is an article"),
    ("一台手术机器人在一名医生的指挥下", "articles"),
    ("形成一个人工智能产研生态圈", "an article"),
    ("助力科创企业“从0到100”的大零号湾", "an idiom: bare digits"),
    ("“创业0起步、高校0距离”", "an idiom: bare digits"),
    ("实现“从0到1、再到10,最后成为100”的成长", "bare digits in a quotation"),
    ("赋能千行百业的可能性", "an idiom of magnitudes"),
    ("造福老百姓", "百 in a word"),
    ("辗转到其他城市发展几年后", "几 alone is vague"),
    ("探出几条小蛇般的机械臂", "几 alone is vague"),
    ("上海唯一以“创新策源”为定位", "一 in a word"),
    ("两所“双一流”院校", "一流 is a word (两所 itself is a figure)"),
    ("医生在临床一线能感知", "一线 is a word"),
    ("第3名、第二十届", "ordinals"),
    ("5G网络和3D打印", "names"),
    ("英伟达A100芯片与GPT-4模型", "names"),
    ("周三召开", "a weekday"),
    ("星期三下午", "a weekday"),
    ("十分重要", "十分 means very"),
    ("二十四节气", "节气 is a word"),
    ("三番五次", "an idiom"),
    ("千万不要", "千万 means by all means"),
    ("万一出现问题", "万一 means in case"),
    ("签约3家", "约 is part of 签约 (3家 itself is a figure)"),
    ("记者 王一迪 魏其濛", "a name"),
    ("90%以上零部件实现自研自产", "零部件 is a word (90%以上 itself is a figure)"),
    ("三区联动的实践地", "区 is not a measure word here"),
];

#[test]
fn tricky_non_figures_are_not_marked() {
    for (text, why) in NOT_FIGURES {
        let got: Vec<&str> = find_figures(text, 0).iter().map(|f| &text[f.start..f.end]).collect();
        let allowed: &[&str] = match *text {
            "两所“双一流”院校" => &["两所"],
            "签约3家" => &["3家"],
            "90%以上零部件实现自研自产" => &["90%以上"],
            _ => &[],
        };
        assert_eq!(got, allowed, "{text:?} ({why})");
    }
}

#[test]
fn figures_of_many_shapes() {
    let cases: &[(&str, &str, FigureKind)] = &[
        ("增长１２．５％。", "１２．５％", Percent),
        ("投资1,200亿元", "1,200亿元", Money),
        ("售价¥99起", "¥99", Money),
        ("提高3个百分点", "3个百分点", Percent),
        ("约三成企业", "约三成", Percent),
        ("百分之三十的用户", "百分之三十", Percent),
        ("三分之一的面积", "三分之一", Percent),
        ("距离3km以内", "3km以内", Measure),
        ("内存16GB,", "16GB", Measure),
        ("3至5年", "3至5年", Measure),
        ("三至五年", "三至五年", Measure),
        ("20世纪90年代", "20世纪", Date),
        ("工作了3年多,", "3年多", Measure),
        ("数十家企业", "数十家", Count),
        ("千余人参加", "千余人", Count),
        ("一万两千名学生", "一万两千名", Count),
        ("十多万人", "十多万人", Count),
        ("增长一倍", "一倍", Other),
        ("逾百万元", "逾百万元", Money),
        ("最近3年", "3年", Measure),
        ("2023年5月份", "2023年5月份", Date),
        ("面积达1200平方米", "1200平方米", Measure),
        ("为期三年", "三年", Measure),
        ("2024-2025年度预算", "2024-2025年", Date),
        ("预算为3.5亿至4亿元。", "3.5亿至4亿元", Money),
        ("全书共１２章", "１２章", Count),
    ];
    for (text, want, kind) in cases {
        let got: Vec<(&str, FigureKind)> =
            find_figures(text, 0).iter().map(|f| (&text[f.start..f.end], f.kind)).collect();
        assert_eq!(got.first(), Some(&(*want, *kind)), "in {text:?}: {got:?}");
    }
}

#[test]
fn offsets_are_shifted_by_the_base() {
    let figs = find_figures("达70%", 100);
    assert_eq!(figs.len(), 1);
    assert_eq!((figs[0].start, figs[0].end), (103, 106));
}

proptest::proptest! {
    /// On any mix of numerals, units, punctuation and Latin text: no panic, and the spans
    /// are in order, apart, non-empty and on character boundaries.
    #[test]
    fn spans_are_ordered_and_on_char_boundaries(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "1", "0", "２", ".", "．", ",", "，", "一", "十", "百", "万", "亿", "两", "几", "数", "上",
            "近", "不到", "超", "约", "多", "余", "元", "%", "家", "年", "月", "日", "岁", "后", "成",
            "大", "第", "分之", "以上", "-", "至", "—", "km", "G", "A", "¥", "$", "的", "“", "”", " ",
        ]), 0..40),
        base in 0usize..1000,
    ) {
        let text: String = parts.concat();
        let figs = find_figures(&text, base);
        let mut last = base;
        for f in &figs {
            proptest::prop_assert!(f.start >= last && f.start < f.end && f.end <= base + text.len());
            proptest::prop_assert!(text.is_char_boundary(f.start - base) && text.is_char_boundary(f.end - base));
            last = f.end;
        }
    }
}

/// The first figure of each text: (text, span, kind), one line per class of issue 16.
fn firsts(cases: &[(&str, &str, FigureKind)]) {
    for (text, want, kind) in cases {
        let got: Vec<(&str, FigureKind)> =
            find_figures(text, 0).iter().map(|f| (&text[f.start..f.end], f.kind)).collect();
        assert_eq!(got.first(), Some(&(*want, *kind)), "in {text:?}: {got:?}");
    }
}

#[test]
fn zeros_decimals_and_compound_numbers_are_one_figure() {
    firsts(&[
        ("到二○三五年基本实现", "二○三五年", Date),
        ("二〇二〇年底", "二〇二〇年", Date),
        ("增长百分之十点二。", "百分之十点二", Percent),
        ("提高一点二个百分点", "一点二个百分点", Percent),
        ("全村1万6千多户人家", "1万6千多户", Count),
        ("人口1亿3千多万。", "1亿3千多万", Count),
        ("全长2万5千公里", "2万5千公里", Measure),
        ("三万六千五百零一块砖", "三万六千五百零一块", Count),
        ("付了三万六千五百零一块。", "三万六千五百零一块", Money),
    ]);
}

#[test]
fn time_chains_ranges_and_fractions() {
    firsts(&[
        ("7时36分,列车进站", "7时36分", Date),
        ("用时2分7秒。", "2分7秒", Measure),
        ("3月15日上午10时开幕", "3月15日上午10时", Date),
        ("1-2月,销量", "1-2月", Date),
        ("1—2月份的数据", "1—2月份", Date),
        ("宽10至13米", "10至13米", Measure),
        ("需要3到5年", "3到5年", Measure),
        ("占1/5。", "1/5", Other),
        ("约1/5的人", "约1/5", Other),
        ("三分之一的面积", "三分之一", Percent),
        ("1341年至1345年间", "1341年至1345年", Date),
    ]);
}

#[test]
fn a_space_between_number_and_unit() {
    firsts(&[
        ("规模达 3.65 万亿元,", "3.65 万亿元", Money),
        ("投资 2 万亿元以上", "2 万亿元以上", Money),
        ("超过 6400 亿元", "超过 6400 亿元", Money),
        ("装机 18.6 GWh,", "18.6 GWh", Measure),
        ("需要 2 到 3 年", "2 到 3 年", Measure),
    ]);
}

#[test]
fn measure_words_from_the_whole_table_and_traditional_forms() {
    firsts(&[
        ("展出3幅作品", "3幅", Count),
        ("开行5列动车", "5列", Count),
        ("兵分3路进攻", "3路", Count),
        ("读了三遍", "三遍", Count),
        ("分为4类", "4类", Count),
        ("覆盖10省市", "10省市", Count),
        ("高三丈", "三丈", Measure),
        ("规模1.6萬億元", "1.6萬億元", Money),
        ("40歲以下的青年", "40歲以下", Age),
        ("買了兩張票", "兩張", Count),
        ("三條河", "三條", Count),
        ("兩個人", "兩個", Count),
    ]);
}

#[test]
fn bare_magnitudes_are_counts() {
    firsts(&[
        ("人口8000多万,", "8000多万", Count),
        ("总额1.2万亿,", "1.2万亿", Count),
        ("率兵八十余万南下", "八十余万", Count),
    ]);
}

#[test]
fn names_ordinals_and_set_phrases_are_not_figures() {
    for text in [
        "党的十九大报告",
        "党的二十大和二十届历次全会",
        "五位一体总体布局",
        "四个全面战略布局",
        "与民约法三章",
        "三次产业结构",
        "十月革命一声炮响",
        "二大队的队员",
        "第七、八条规定",
        "附表1所列项目",
        "2.1 含义",
        "1.2.1 国家级",
        "服务业开放2.0版",
    ] {
        let got: Vec<&str> = find_figures(text, 0).iter().map(|f| &text[f.start..f.end]).collect();
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
}

#[test]
fn budao_in_a_verb_phrase_is_no_approximation() {
    let text = "找不到几十年前的老照片";
    let got: Vec<&str> = find_figures(text, 0).iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(got, ["几十年"]);
    firsts(&[("成立不到一年时", "不到一年", Measure)]);
}
