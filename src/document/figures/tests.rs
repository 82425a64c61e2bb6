//! The figure finder's own cases.

use super::FigureKind::{Age, Count, Date, Measure, Money, Percent};
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
