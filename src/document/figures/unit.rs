//! The unit after a number (which of the table's units the context allows there) and how
//! far a figure reaches past it.

use super::number::*;
use super::words::*;
use crate::text::kind::FigureKind;
use crate::text::kind::FigureKind::{Age, Count, Date, Measure, Money, Percent};
use crate::text::units::{self, Rule, magnitude};

/// The longest unit at `pos` allowed after `n` (`plain`: nothing between number and unit;
/// `daytime`: a time of day precedes the number).
pub(super) fn unit_at(
    p: &str,
    pos: usize,
    n: &Number,
    plain: bool,
    daytime: bool,
) -> Option<(usize, FigureKind, Rule)> {
    let rest = p.get(pos..)?;
    for u in units::units_at(rest) {
        let after = next_char(rest, u.text.len());
        // 人民 is no unit (1958 人民出版社); 二次方程, 三次会议, 三次产业 are no counts;
        // 二道街, 十字街 are street names.
        let tail = &rest[u.text.len()..];
        if (u.text == "人" && after == Some('民'))
            || (u.text == "次"
                && (tail.starts_with(['方', '幂'])
                    // 召开两次会议: 两 counts (三次会议 is the third session).
                    || (tail.starts_with("会议") && !p[..pos].ends_with(['两', '兩']))
                    || tail.starts_with("全会")
                    || tail.starts_with("产业")))
            || (tail.starts_with(['街', '巷']) && !matches!(u.text, "条" | "條"))
            // 301路公交车, K18路、K21路和301路: bus lines are names.
            || (u.text == "路"
                && !n.chinese
                && (["公交", "车", "車", "电车", "電車", "汽车", "汽車", "线", "線"].iter().any(|w| tail.starts_with(w))
                    || route_named_before(&p[..pos])))
            || (matches!(u.text, "两" | "兩")
                && tail.starts_with(|c: char| cn_numeral(c) || units::longest_unit(tail).is_some()))
            || (matches!(u.text, "届" | "屆")
                && n.chinese
                && tail.starts_with(|c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c) && !"以左".contains(c)))
            || (matches!(u.text, "号" | "號")
                && tail.starts_with(['线', '線', '楼', '樓', '院', '文', '令', '馆', '館']))
            || tail.starts_with("路口")
            // 二道河, 三道沟: place names; 强度, 强化 are words.
            || (matches!(u.text, "道") && tail.starts_with(['河', '沟', '溝', '湾', '灣']))
            || (matches!(u.text, "强" | "強") && tail.starts_with(['度', '化', '调', '調', '大', '国', '國']))
            // 市民, 市场: words of their own (12345市民服务热线).
            || (matches!(u.text, "市") && tail.starts_with(['民', '场', '場', '委', '政', '长', '長', '属', '屬']))
            // 二级, 二期, 二轮 are grades and phases (a count says 两级); so is a level in
            // words before its noun (三级公立医院, 三四轮车), but not 分为三级.
            || (n.chinese
                && n.digits > 0
                && matches!(u.text, "级" | "級" | "期" | "轮" | "輪")
                && ((n.value == 2 && p[..pos].ends_with(['二', '贰', '貳']))
                    || (u.text != "期" && tail.starts_with(|c: char| is_hanzi(c) && !"以之的左多余餘".contains(c)))))
        {
            continue;
        }
        let kind = match u.rule {
            Rule::Any | Rule::Time | Rule::Year => Some(u.kind),
            Rule::Month => (plain && (1..=12).contains(&n.value) && !n.fraction_or_sep).then_some(Date),
            Rule::Day => {
                if plain && (1..=31).contains(&n.value) && !n.fraction_or_sep {
                    Some(Date)
                } else {
                    (n.fraction_or_sep && !n.chinese && u.text == "日").then_some(Measure)
                }
            }
            Rule::Clock => (plain
                && n.value <= 24
                && !n.fraction_or_sep
                && (!n.chinese || daytime || matches!(u.text, "时" | "時")))
            .then_some(Date),
            Rule::Generation => (plain
                && !n.chinese
                && n.digits == 2
                && !n.fraction_or_sep
                && !after.is_some_and(|c| "来面者续期果".contains(c)))
            .then_some(Age),
            Rule::Tenths => (!after.is_some_and(|c| "为長长功本果员員立熟就交绩績型品都效分年".contains(c)))
                .then_some(Percent),
            Rule::Major => {
                (plain && n.value <= 10 && !after.is_some_and(|c| "队隊会會学學街道楼樓厦廈".contains(c)))
                    .then_some(Count)
            }
            // 三千六百分羅天大醮: 分 as a portion after hundreds in words (not 十分, 百分之).
            Rule::DigitsOnly if u.text == "分" && n.chinese => (n.value >= 100
                && n.digits > 0
                && !n.fraction_or_sep
                && after.is_some_and(|c| is_hanzi(c) && !"之钟鐘贝貝".contains(c)))
            .then_some(Count),
            // 70 起 (events), 3起事故; not 0起步, 9起来.
            Rule::DigitsOnly if u.text == "起" => (!n.chinese
                && !after.is_some_and(|c| is_hanzi(c) && !"以左多余餘案事交火的".contains(c)))
            .then_some(u.kind),
            Rule::DigitsOnly => (!n.chinese).then_some(u.kind),
            Rule::Latin => {
                (!n.chinese && !after.is_some_and(|c| c.is_ascii_alphanumeric())).then_some(u.kind)
            }
        };
        if let Some(kind) = kind {
            return Some((u.text.len(), kind, u.rule));
        }
    }
    None
}

/// Whether a bus line named with a letter (K18路) stands shortly before: the numbers of
/// the 路 after it are line names too (K18路、K21路和301路).
fn route_named_before(before: &str) -> bool {
    let tail: String = before.chars().rev().take(16).collect::<Vec<_>>().into_iter().rev().collect();
    tail.match_indices('路').any(|(k, _)| {
        let b = tail[..k].trim_end_matches(|c: char| c.is_ascii_digit());
        b.len() < k && b.ends_with(|c: char| c.is_ascii_alphabetic())
    })
}

/// How far a figure reaches after its unit (`len` bytes at `pos`, read by `rule`): the rest
/// of a date or a time (2023年5月24日, 3月15日上午10时, 7时36分), a compound measure
/// (三丈六尺五寸), a rate (58万元/人), a range of whole figures (4月至6月), coins counted
/// (十五个大铜子儿), and 多/余/半 after a time (3年多). Returns the end and the kind, which
/// a date or a chain may change.
pub(super) fn reach_after_unit(
    p: &str,
    pos: usize,
    len: usize,
    rule: Rule,
    mut kind: FigureKind,
    chinese: bool,
    about: bool,
) -> (usize, FigureKind) {
    let unit_text = &p[pos..pos + len];
    let mut end = pos + len;
    match rule {
        Rule::Year => {
            // The rest of the date: 2023年5月24日; 45年11月 is a date too.
            if let Some(m) = date_part(p, end, true, chinese) {
                end = m;
                kind = Date;
                if let Some(d) = date_part(p, end, false, chinese).or_else(|| lunar_day(p, end)) {
                    end = d;
                }
            }
        }
        Rule::Month if kind == Date => {
            if p[end..].starts_with('份') {
                end += '份'.len_utf8();
            } else if let Some(d) = date_part(p, end, false, chinese).or_else(|| lunar_day(p, end)) {
                end = d;
            }
        }
        _ => {}
    }
    // 3月15日上午10时: a time of day after a date.
    if kind == Date && (p[..end].ends_with('日') || p[..end].ends_with('号')) {
        for w in DAYTIME {
            if p[end..].starts_with(w) {
                let at = end + w.len();
                if let Some(h) = number_at(p, at, !next_char(p, at).is_some_and(|c| c.is_ascii_digit()))
                    && h.value <= 24
                    && (p[h.end..].starts_with(['时', '時', '点', '點']))
                {
                    end = h.end + 3;
                    if let Some(m) = time_part(p, end, &["分"]) {
                        end = m;
                    }
                }
                break;
            }
        }
    }
    // Time chains: 7时36分, 7时36分5秒, 2分7秒, 30度10分.
    match unit_text {
        "时" | "時" | "点" | "點" => {
            if let Some(m) = time_part(p, end, &["分"]) {
                end = m;
                if let Some(s) = time_part(p, end, &["秒"]) {
                    end = s;
                }
            }
        }
        // 五更三點: the watch of the night, then its point.
        "更" => {
            if let Some(m) = time_part(p, end, &["点", "點"]) {
                end = m;
            }
        }
        "分" | "度" => {
            if let Some(m) = time_part(p, end, if unit_text == "度" { &["分"] } else { &["秒"] }) {
                end = m;
                kind = Measure;
            }
        }
        _ => {}
    }
    // 十五个大铜子儿, 三五个铜子: coins counted are money.
    if matches!(unit_text, "个" | "個") {
        let at = end + p[end..].chars().next().filter(|c| matches!(c, '大' | '小')).map_or(0, char::len_utf8);
        if let Some(u) =
            units::longest_unit(&p[at..]).filter(|u| u.kind == Money && u.text.chars().count() > 1)
        {
            end = at + u.text.len();
            if p[end..].starts_with(['儿', '兒']) {
                end += '儿'.len_utf8();
            }
            kind = Money;
        }
    }
    // A compound measure: 三丈六尺五寸, 七尺五寸, 一分五厘.
    if COMPOUND.contains(&unit_text) {
        while let Some(m) = number_at(p, end, chinese) {
            let Some(u) = COMPOUND.iter().find(|u| p[m.end..].starts_with(**u)) else { break };
            end = m.end + u.len();
        }
    }
    // A rate: 58万元/人, 0.6人/百亿元.
    if p[end..].starts_with('/') {
        let mut at = end + 1;
        while let Some(m) = next_char(p, at).filter(|c| magnitude(*c).is_some()) {
            at += m.len_utf8();
        }
        if let Some(u) = units::longest_unit(&p[at..]) {
            end = at + u.text.len();
        }
    }
    // A range of whole figures: 1341年至1345年, 4月至6月, 4.5%-5%.
    if let Some(c) = next_char(p, end).filter(|c| RANGE.contains(c) && *c != '到')
        && !p[end..].starts_with("——")
    {
        let at = skip_spaces(p, end + c.len_utf8());
        if let Some(m) = number_at(p, at, chinese)
            && p[m.end..].starts_with(unit_text)
        {
            end = m.end + unit_text.len();
        }
    }
    let time = matches!(rule, Rule::Time) || (rule == Rule::Year && kind == Measure);
    // 多 after a unit of length or weight too (五尺多远); 余 stays out there (三丈馀).
    let length = rule == Rule::Any && kind == Measure;
    // 一丈来深, 三尺来长: 来 between a length and its dimension.
    if length
        && let Some(c @ ('来' | '來')) = next_char(p, end)
        && next_char(p, end + c.len_utf8()).is_some_and(|d| "深长長高远遠宽寬厚粗重".contains(d))
    {
        end += c.len_utf8();
    }
    if (time || length)
        && !about
        && let Some(c @ ('多' | '余' | '餘' | '半')) = next_char(p, end)
        && (time || c == '多')
        && !next_char(p, end + c.len_utf8()).is_some_and(|d| "元样種种少彩数數天夜".contains(d))
    {
        end += c.len_utf8();
        // 十天半月, 一年半载: a paired half.
        if c == '半'
            && matches!(unit_text, "天" | "日" | "年")
            && let Some(h @ ('月' | '载' | '載')) = next_char(p, end)
        {
            end += h.len_utf8();
        }
    }
    (end, kind)
}
