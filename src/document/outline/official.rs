//! The title of an official document (公文) set over several lines. Such a title reads
//! `issuer 关于 matter 的 kind` (`国务院关于印发《国务院工作规则》的通知`), or names what it
//! forwards (`国务院办公厅转发…意见的通知`), and is broken wherever the line runs out:
//!
//! ```text
//! 国务院办公厅关于印发            国务院关于支持自由贸易试验区      北京市人民政府
//! 国家粮食应急预案的函            深化改革创新若干措施的通知        关于加强…工作的意见
//! ```
//!
//! The lines belong together when none but the last closes the title and, joined, they
//! read as one: a document's name (关于, 转发, 批转, 印发 …) ending in its kind (通知,
//! 意见, 决定 …, a `（试行）` after it aside). A note in brackets on the line under a
//! document's title (`（试行）`, `（征求意见稿）`) belongs to it too.

use super::lines::{folded, is_document_number, is_title_line};

/// Most lines one title is set over.
const MAX_TITLE_LINES: usize = 3;

/// The kinds of official documents, as a title ends. A one-character kind (函, 令) counts
/// only after 的 (`…的函`), the way a title names it.
const KINDS: &[&str] = &[
    "通知", "通报", "意见", "决定", "决议", "办法", "方案", "批复", "公告", "通告", "报告", "请示", "规定",
    "纲要", "命令", "议案", "纪要", "公报", "规划", "条例", "规则", "细则", "措施", "答复", "指示", "计划",
    "要点", "的函", "的令",
];

/// Words by which a title names the matter of the document: 关于 (`…关于…的通知`), or
/// the act of forwarding or issuing another (`…转发…意见的通知`).
const MATTER: &[&str] = &["关于", "转发", "批转", "印发", "颁发", "发布"];

/// Whether the folded (spaces left out) title `s` ends in a kind of document, a bracketed
/// note after it aside (`…办法（试行）`).
fn ends_in_kind(s: &str) -> bool {
    let s = match s.strip_suffix(['）', ')']) {
        Some(inner) => inner.rfind(['（', '(']).map_or(inner, |open| &inner[..open]),
        None => s,
    };
    KINDS.iter().any(|k| s.ends_with(k))
}

/// The index of the last line of the title that starts at `lines[0]`: 0 when the title is
/// that line alone. `lines` are the blocks from the title on; `heads(i)` says whether
/// `lines[i]` heads a section of its own (then it is no part of the title). A bracketed
/// note alone on the line under a document's title (`（试行）`, `（征求意见稿）`) is part of it.
pub(super) fn title_end(lines: &[&str], heads: impl Fn(usize) -> bool) -> usize {
    let Some(end) = kind_end(lines, &heads) else { return 0 };
    let note = lines.get(end + 1).is_some_and(|l| {
        let inner = l.strip_prefix(['（', '(']).and_then(|r| r.strip_suffix(['）', ')']));
        inner.is_some_and(|w| NOTES.contains(&w.trim()))
    });
    if note && !heads(end + 1) { end + 1 } else { end }
}

/// How many lines above an official document's title head its first page instead: the
/// issuer's mark (`北京市人民政府文件`, a short line ending in 文件) and the document's
/// number under it (`京政发〔2025〕1号`), either or both, when the line after them is a
/// document's title (see [`title_end`]). 0 when `lines` do not open so.
pub(super) fn masthead(lines: &[&str]) -> usize {
    let mark = lines.first().is_some_and(|l| {
        let l = folded(l);
        l.ends_with("文件")
            && l.chars().count() <= 24
            && l.chars().all(char::is_alphanumeric)
            && !MATTER.iter().any(|m| l.contains(m))
    });
    let mut n = usize::from(mark);
    if lines.get(n).is_some_and(|l| is_document_number(l)) {
        n += 1;
    }
    let titled =
        lines.get(n).is_some_and(|l| is_title_line(l)) && kind_end(&lines[n..], &|_| false).is_some();
    if titled { n } else { 0 }
}

/// Notes set in brackets after a document's title.
const NOTES: &[&str] = &["试行", "暂行", "草案", "征求意见稿", "送审稿", "修订稿", "修订", "节选"];

/// The line on which the title starting at `lines[0]` ends in a document's kind, when it
/// is a document's title (see [`title_end`]).
fn kind_end(lines: &[&str], heads: &impl Fn(usize) -> bool) -> Option<usize> {
    let mut joined = folded(lines.first().copied().unwrap_or_default());
    if ends_in_kind(&joined) {
        return Some(0);
    }
    for (i, line) in lines.iter().enumerate().take(MAX_TITLE_LINES).skip(1) {
        // A subtitle or note leads in with a dash or a bracket; a line that heads a
        // section, or is no title's line (a sentence, a byline), ends the search.
        if heads(i) || !is_title_line(line) || line.starts_with(['—', '-', '（', '(', '〔', '[']) {
            return None;
        }
        joined.push_str(&folded(line));
        if ends_in_kind(&joined) {
            return MATTER.iter().any(|m| joined.contains(m)).then_some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(text: &str) -> usize {
        let lines: Vec<&str> = text.lines().collect();
        title_end(&lines, |_| false)
    }

    #[test]
    fn a_title_broken_anywhere_before_its_kind_runs_on_to_the_line_that_ends_it() {
        // Broken after 关于印发, inside the matter, before 关于, and over three lines.
        assert_eq!(end("国务院办公厅关于印发\n《全国应急物资保障规划》的通知\n国办发〔2022〕1号"), 1);
        assert_eq!(end("市人民政府关于进一步加强\n城市道路交通管理工作的意见\n各区人民政府："), 1);
        assert_eq!(end("浙江省人民政府\n关于同意设立杭州湾产业园区的批复\n浙政函〔2021〕5号"), 1);
        assert_eq!(
            end("省人民政府办公厅转发\n省发展改革委关于促进\n民间投资健康发展若干措施的通知\n正文"),
            2
        );
        assert_eq!(end("教育部关于印发\n《学校安全管理办法（试行）》的通知"), 1);
        assert_eq!(end("海关总署关于调整\n进出口货物报关单申报项目的公告"), 1);
        assert_eq!(end("县交通运输局关于申请\n农村公路养护资金的请示"), 1);
        assert_eq!(end("国务院办公厅关于印发\n国 家 粮 食 应 急 预 案 的 函"), 1);
        assert_eq!(end("司法部关于废止\n部分规章的令"), 1);
    }

    #[test]
    fn a_title_whole_on_its_line_or_lines_that_do_not_make_one_stay_apart() {
        // Complete on its first line: the next line is the document's number or a date.
        assert_eq!(end("国务院关于加强安全生产工作的决定\n国发〔2004〕2号"), 0);
        assert_eq!(end("国务院关于印发《国务院工作规则》的通知\n（2004年6月26日）"), 0);
        // A subtitle after a dash, a report's date line, a news title and its subtitle.
        assert_eq!(end("2026年北京市政府工作报告\n——2026年1月25日在大会上"), 0);
        assert_eq!(end("关于城市的思考\n——一份调查报告"), 0);
        assert_eq!(end("老旧小区改出幸福新生活\n居民的通知"), 0);
        assert_eq!(end("冷链加速打通\n县域生鲜跑出加速度"), 0);
        // No matter named (关于, 转发 …): two lines that merely end in a kind's word.
        assert_eq!(end("年终盘点\n三项改革方案"), 0);
        // Runs past the most lines a title is set over, or into a sentence.
        assert_eq!(end("国务院办公厅\n关于\n进一步\n加强管理的通知"), 0);
        assert_eq!(end("国务院关于印发\n现将方案印发给你们，请认真贯彻执行。"), 0);
        // One-character kinds count only after 的.
        assert_eq!(end("关于开展检查\n工作的安排函"), 0);
    }

    #[test]
    fn a_bracketed_note_under_a_document_title_is_part_of_it() {
        assert_eq!(end("城市生活垃圾分类管理办法\n（试行）\n第一章 总则"), 1);
        assert_eq!(end("国务院办公厅关于印发\n数据安全管理办法的通知\n（征求意见稿）"), 2);
        // Under a title that is no document's, or a note of another kind: not part of it.
        assert_eq!(end("城市的夜晚\n（试行）"), 0);
        assert_eq!(end("城市生活垃圾分类管理办法\n（2019年6月1日起施行）"), 0);
    }

    #[test]
    fn the_issuers_mark_and_the_number_above_a_documents_title_head_its_page() {
        let head = |text: &str| masthead(&text.lines().collect::<Vec<_>>());
        let title = "北京市人民政府关于加强城市安全工作的意见";
        assert_eq!(head(&format!("北京市人民政府文件\n京政发〔2025〕1号\n{title}\n各区人民政府：")), 2);
        assert_eq!(head(&format!("北京市人民政府文件\n{title}")), 1);
        assert_eq!(head(&format!("京政发［2025］１号\n{title}")), 1, "full-width brackets and digits");
        assert_eq!(head("国务院文件\n国发〔2024〕3号\n国务院关于印发\n《国务院工作规则》的通知"), 2);
        // Not a document's title after them, or not a mark or a number.
        assert_eq!(head("北京市人民政府文件\n京政发〔2025〕1号\n各区人民政府："), 0);
        assert_eq!(head(&format!("{title}\n京政发〔2025〕1号")), 0, "the title itself");
        assert_eq!(head(&format!("关于清理规范性文件\n{title}")), 0, "a title naming its matter is no mark");
        assert_eq!(head(&format!("2025年第1号\n{title}")), 0);
        assert_eq!(head(&format!("整理这些文件，是为了说明情况。\n{title}")), 0, "a sentence");
    }

    #[test]
    fn a_line_that_heads_a_section_is_no_part_of_the_title() {
        let lines = ["国务院关于印发", "一、总体要求的通知"];
        assert_eq!(title_end(&lines, |i| i == 1), 0);
    }
}
