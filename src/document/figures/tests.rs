//! The figure finder's own cases.

use super::FigureKind::{Age, Count, Date, Measure, Money, Other, Percent};
use super::number::*;
use super::*;

fn spans(p: &str) -> Vec<(&str, FigureKind)> {
    find_figures(p, 0).into_iter().map(|f| (&p[f.start..f.end], f.kind)).collect()
}

#[test]
fn span_is_exactly_the_figure() {
    assert_eq!(spans("规模达1.6万亿元,战略性"), vec![("1.6万亿元", Money)]);
    assert_eq!(spans("占全市GDP的24.8%。"), vec![("24.8%", Percent)]);
    assert_eq!(spans("一支80多人的团队"), vec![("80多人", Count)]);
    assert_eq!(spans("累计汇聚4000余家硬科技企业"), vec![("4000余家", Count)]);
}

#[test]
fn dates_are_one_span() {
    assert_eq!(spans("5月24日,记者"), vec![("5月24日", Date)]);
    assert_eq!(spans("2023年5月24日"), vec![("2023年5月24日", Date)]);
    assert_eq!(spans("二〇二三年"), vec![("二〇二三年", Date)]);
    assert_eq!(spans("10年来"), vec![("10年", Measure)]);
}

fn story(p: &str) -> Vec<(&str, FigureKind)> {
    find_figures_in(p, 0, true).into_iter().map(|f| (&p[f.start..f.end], f.kind)).collect()
}

#[test]
fn everyday_small_counts_in_narration_are_no_figures() {
    assert_eq!(story("两个伙计打仗，他三声喊，擦了两把，两条腿打颤"), vec![]);
    assert_eq!(
        story("只有两条大街，买了三间房，吃两碗饭"),
        vec![("两条", Count), ("三间", Count), ("两碗", Count)]
    );
    assert_eq!(
        story("一两个，三两只，十二个人，五百人"),
        vec![("一两个", Count), ("三两只", Count), ("十二个", Count), ("五百人", Count)]
    );
    // Outside a story the same words are counts.
    assert_eq!(spans("两个协会"), vec![("两个", Count)]);
}

#[test]
fn one_year_one_time_and_half_as_facts() {
    assert_eq!(spans("过去一年，形势复杂"), vec![("一年", Measure)]);
    assert_eq!(spans("一年来，主要做了"), vec![("一年", Measure)]);
    assert_eq!(spans("在一年内完成，一年多了"), vec![("一年", Measure), ("一年多", Measure)]);
    assert_eq!(spans("一年级学生，一年一度，有一年夏天"), vec![]);
    assert_eq!(spans("每半年召开一次。"), vec![("一次", Count)]);
    assert_eq!(spans("一次会议"), vec![]);
    assert_eq!(story("再说一次。"), vec![]);
    assert_eq!(spans("那一次，她哭了"), vec![]);
    assert_eq!(spans("占全国近一半。"), vec![("近一半", Percent)]);
    assert_eq!(spans("占一半以上，超过一半"), vec![("一半以上", Percent), ("超过一半", Percent)]);
    assert_eq!(spans("一半的人"), vec![]);
}

#[test]
fn ten_major_ones_are_a_count_but_congresses_are_names() {
    assert_eq!(spans("中国十大风景名胜，三大任务"), vec![("十大", Count), ("三大", Count)]);
    assert_eq!(spans("党的二十大，十九大"), vec![]);
}

#[test]
fn touching_figures_are_one_paired_approximation() {
    assert_eq!(spans("过个十年八年再说"), vec![("十年八年", Measure)]);
    assert_eq!(spans("住上三年二载，"), vec![("三年二载", Measure)]);
    assert_eq!(spans("十天八天，三个月"), vec![("十天八天", Measure), ("三个月", Measure)]);
    // A separator, digits or another unit keep them apart.
    assert_eq!(spans("三年、五年"), vec![("三年", Measure), ("五年", Measure)]);
    assert_eq!(spans("4战4胜"), vec![("4战", Count), ("4胜", Count)]);
    assert_eq!(spans("四十三卷二十册"), vec![("四十三卷", Count), ("二十册", Count)]);
    assert_eq!(spans("3年5年"), vec![("3年", Measure), ("5年", Measure)]);
}

#[test]
fn era_years_with_their_western_year_are_dates() {
    assert_eq!(spans("唐天宝六年（747年）"), vec![("六年", Date), ("747年", Date)]);
    assert_eq!(spans("北宋崇宁二年（1103）")[0], ("二年", Date));
    assert_eq!(spans("兴宁二年，公元364年"), vec![("二年", Date), ("364年", Date)]);
    assert_eq!(spans("在位四十二年，"), vec![("四十二年", Measure)]);
    assert_eq!(spans("建宁二年四月望日，六月朔，"), vec![("二年四月望日", Date), ("六月朔", Date)]);
}

#[test]
fn names_with_numbers_are_no_figures() {
    assert_eq!(spans("国发〔2019〕4号"), vec![]);
    assert_eq!(spans("在荷李活道29号创立"), vec![]);
    assert_eq!(spans("《印刷文化史》 187页"), vec![]);
    assert_eq!(spans("全书共300页"), vec![("300页", Count)]);
}

#[test]
fn spaces_scales_and_words_after_figures() {
    assert_eq!(spans("调用 100 多次，配备 60 余人"), vec![("100 多次", Count), ("60 余人", Count)]);
    assert_eq!(spans("摆着4张上下铺"), vec![("4张", Count)]);
    assert_eq!(spans("四十上下岁的车夫"), vec![("四十上下岁", Age)]);
    assert_eq!(spans("年纪在四十以上，"), vec![("四十以上", Age)]);
    assert_eq!(spans("拥有百万大军，千亿级投资，千万不要"), vec![("百万", Count), ("千亿级", Count)]);
    assert_eq!(spans("取十数个火把"), vec![("十数个", Count)]);
    assert_eq!(spans("要两个多小时，90个工作日"), vec![("两个多小时", Measure), ("90个工作日", Measure)]);
    assert_eq!(spans("有五千四百岁"), vec![("五千四百岁", Measure)]);
}

#[test]
fn chinese_values() {
    assert_eq!(cn_value(&['二', '十', '四']), 24);
    assert_eq!(cn_value(&['一', '万', '两', '千']), 12_000);
    assert_eq!(cn_value(&['十', '二']), 12);
}

#[test]
fn context_cuts_on_characters() {
    assert_eq!(context("规模达1.6万亿元,战略性", 9, 21, 2), "…模达1.6万亿元,战…");
    assert_eq!(context("12岁", 0, 5, 3), "12岁");
}

#[test]
fn fractions_in_words_are_shares_and_a_mixed_number_is_one_value() {
    assert_eq!(spans("多了三分之一，约1/5的人"), vec![("三分之一", Percent), ("约1/5", Other)]);
    assert_eq!(spans("已失去了十之七八。"), vec![("十之七八", Percent)]);
    assert_eq!(spans("回归年为365 15241/62769（"), vec![("365 15241/62769", Other)]);
    assert_eq!(spans("极端最低气温-10.9°C（"), vec![("-10.9°C", Measure)]);
    assert_eq!(spans("黄山名松上百，"), vec![("上百", Count)]);
}

#[test]
fn kuai_is_money_alone_and_pieces_before_a_noun() {
    assert_eq!(story("一百块，少一分咱们吹"), vec![("一百块", Money)]);
    assert_eq!(spans("花了三块钱"), vec![("三块钱", Money)]);
    assert_eq!(spans("一般用两块铁板"), vec![("两块", Count)]);
    assert_eq!(spans("增设诱导屏8块。32块大屏"), vec![("8块", Count), ("32块", Count)]);
}

#[test]
fn quoted_slogans_book_titles_and_names_hold_no_figures() {
    assert_eq!(spans("深化“三城一区”联动，“3个100”工程，“五个一工程”奖，“两头在外”"), vec![]);
    assert_eq!(spans("一群“90后”，“黄山十大名松”"), vec![("90后", Age), ("十大", Count)]);
    assert_eq!(spans("《九章述义注》九卷"), vec![("九卷", Count)]);
    assert_eq!(spans("三级公立医院，二期工程，二轮承包，北三县，朱雀三号，二级市场"), vec![]);
    assert_eq!(spans("分为国家级和省级两级，千亿级产业"), vec![("两级", Count), ("千亿级", Count)]);
    assert_eq!(spans("在301路公交车上；K18路、K21路和301路，"), vec![]);
    assert_eq!(spans("拨打12345市民热线，珠三角的超市，四季分明"), vec![]);
    assert_eq!(spans("（1994.3.27版）"), vec![]);
    assert_eq!(spans("收录1215年铸，见附录2"), vec![("1215年", Date)]);
}

#[test]
fn era_years_are_dates_and_reigns_are_spans() {
    assert_eq!(spans("唐武德二年，"), vec![("二年", Date)]);
    assert_eq!(spans("东晋太元八年（前秦建元十九年）"), vec![("八年", Date), ("十九年", Date)]);
    assert_eq!(spans("在位四十二年，"), vec![("四十二年", Measure)]);
    assert_eq!(spans("晚毕昇约100年的"), vec![("约100年", Measure)]);
}

#[test]
fn counts_in_the_words_of_novels() {
    assert_eq!(story("一共是一百單八個魔君"), vec![("一百單八個", Count)]);
    assert_eq!(story("五更三點，天子駕坐"), vec![("五更三點", Date)]);
    assert_eq!(story("程远志统兵五万来犯"), vec![("五万", Count)]);
    assert_eq!(story("买二两黄连，金银五百两"), vec![("二两", Measure), ("五百两", Money)]);
    assert_eq!(story("有一丈来深，跌出去五尺多远"), vec![("一丈来", Measure), ("五尺多", Measure)]);
    assert_eq!(
        story("一年二年，一块两块的，懊睡一整天"),
        vec![("一年二年", Measure), ("一块两块", Money), ("一整天", Measure)]
    );
    // A series of things is no pair of years: 一辆 stays an article.
    assert!(!story("一辆，两辆……").iter().any(|(s, _)| s.starts_with('一')));
    assert_eq!(
        story("贴了半个月，拉了半年，上半年，半天没出声，半掩半卷"),
        vec![("半个月", Measure), ("半年", Measure)]
    );
    assert_eq!(story("跟出来五个孩子。这五个孩子，其余的四个"), vec![("五个", Count)]);
    assert_eq!(
        story("虽然十五个大铜子儿，三五个铜子"),
        vec![("十五个大铜子儿", Money), ("三五个铜子", Money)]
    );
    assert_eq!(story("本来值一百多，年进美金七千万"), vec![("一百多", Money), ("七千万", Money)]);
    assert_eq!(story("胡说八道，三步两步地走"), vec![]);
    assert_eq!(
        spans("若止印三、二本，每年召开两次会议，三次会议，春秋两季"),
        vec![("三、二本", Count), ("两次", Count), ("两季", Count)]
    );
    assert_eq!(spans("事件超过 70 起，"), vec![("超过 70 起", Count)]);
}

/// `tells_no_story` stops counting once the story words are too many for the rest of the
/// 256 KB to outweigh: it answers as the whole count does, on the corpus and on texts whose
/// story words thin out, end early, or sit just at the line (3 in 1,000 ideographs).
#[test]
fn stopping_early_answers_as_the_whole_count() {
    let whole = |doc: &super::super::Document| {
        let (ideographs, story) = story_words(doc, |_, _, _| false);
        ideographs >= 200 && story * 1000 < ideographs * 3
    };
    let doc = |text: &str| {
        super::super::Document::new(
            "t.txt",
            super::super::load::decode(text.as_bytes(), None).expect("decodes"),
        )
    };
    let mut texts: Vec<String> = Vec::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/texts");
    for entry in std::fs::read_dir(dir).expect("the corpus") {
        texts.push(std::fs::read_to_string(entry.expect("an entry").path()).expect("a text"));
    }
    let plain = "国务院工作人员应当依法履行职责严格遵守工作纪律提高工作效率和服务质量";
    for (every, len) in
        [(100, 300_000), (333, 300_000), (334, 300_000), (400, 90_000), (2, 600), (1000, 1000)]
    {
        let t: String =
            (0..len).zip(plain.chars().cycle()).map(|(i, c)| if i % every == 0 { '他' } else { c }).collect();
        texts.push(t.clone());
        // Told at first, then not at all: the first part alone must not decide.
        texts.push(format!("{}{}", &t[..t.len().min(3000)], plain.repeat(8000)));
        texts.push(format!("{}道：{}", plain.repeat(20), "abc。".repeat(100_000)));
    }
    let mut told = 0;
    for t in &texts {
        let d = doc(t);
        assert_eq!(tells_no_story(&d), whole(&d), "{}", t.chars().take(20).collect::<String>());
        told += usize::from(!whole(&d));
    }
    assert!(told > 3 && told < texts.len(), "{told} of {}", texts.len());
}
