//! Lines of dialogue whose speaker the text gives by what is around them rather than by an
//! attribution of their own: `“好！”老人满意了。` (a story follows a line with what its
//! speaker did) and `“……。”老人说。“……”` (a speaker goes on within one paragraph).

use std::ops::Range;

use super::clauses::*;
use super::people::*;
use super::speakers::Context;

/// What a person does on being startled or frightened by a line (`吓了一跳`, `一惊`, `一愣`):
/// the one who heard it, unless the line asked something, which the startled one asks
/// (`“拿人？”瑞宣吃了一惊。`). Not `惊` alone: `惊喜`, `惊讶`, `惊叫`, `惊呼` are often the
/// speaker's own (`“你来了！”她惊喜地迎上去。`).
#[rustfmt::skip]
const STARTLED: &[&str] = &[
    "吓了", "嚇了", "吓得", "嚇得", "吓一跳", "嚇一跳", "吓坏", "嚇壞", "吓住", "嚇住", "吓呆", "嚇呆", "吓傻", "嚇傻",
    "吃了一惊", "吃了一驚", "大吃一惊", "大吃一驚", "吃惊", "吃驚", "大惊", "大驚", "一惊", "一驚", "惊呆", "驚呆", "惊住", "驚住",
    "惊得", "驚得", "一愣", "愣", "一怔", "怔", "呆住", "呆了", "害怕", "打了个寒", "打了個寒", "慌了", "一震", "一颤",
    "一顫", "浑身一", "渾身一",
];

/// What a person does on hearing a line: hearing it (`听了`, `闻声`; not `应声`, answering,
/// which the speaker does: `“来了！”张三应声跑出来。`), turning toward the
/// voice (`回头一看`, `转过身来`; not turning away, `转身往回走`, which a speaker does on
/// leaving), stopping at it (`站住了`), or running from it (`拔腿`, `转身就跑`).
#[rustfmt::skip]
const HEARD: &[&str] = &[
    "听了", "聽了", "听见", "聽見", "听到", "聽到", "听罢", "聽罷", "一听", "一聽", "闻言", "聞言", "闻声", "聞聲", "闻听",
    "聞聽", "回头一看", "回頭一看", "回头看", "回頭看", "回头望", "回頭望", "回过头来", "回過頭來", "转过身来",
    "轉過身來", "转过脸来", "轉過臉來", "扭过头来", "扭過頭來", "回转身来", "回轉身來", "抬起头来", "抬起頭來", "抬头一看",
    "抬頭一看", "站住了", "停住了", "停下了", "停下脚步", "停下腳步", "拔腿", "撒腿", "拔脚", "拔腳", "逃", "溜走", "溜了",
    "跑开", "跑開", "扭头就跑", "扭頭就跑", "转身就跑", "轉身就跑", "掉头就跑", "掉頭就跑",
];

/// Words of manner that may open a predicate before the reaction (`忽然一惊`, `心里一愣`).
#[rustfmt::skip]
const REACTION_LEADS: &[&str] = &[
    "忽然", "突然", "顿时", "頓時", "登时", "登時", "不由得", "不由", "不禁", "立刻", "立即", "马上", "馬上", "猛地", "猛然",
    "一下子", "心里", "心裏", "心中", "当时", "當時", "这才", "這才", "着实", "著實", "赶紧", "趕緊", "连忙", "連忙", "急忙",
    "也", "又", "就", "却", "卻", "便", "倒", "都", "先", "真",
];

/// Whether `predicate` (what follows the person opening the sentence after a line) opens,
/// after words of manner, with a reaction of one who heard the line ([`HEARD`], or
/// [`STARTLED`] when the line did not ask): such a sentence (`“快跑！”张三吓了一跳。`,
/// `“站住！”小偷拔腿就跑。`) shows the hearer, not the speaker.
fn reacts(predicate: &str, asked: bool) -> bool {
    let mut p = predicate;
    while let Some(l) = REACTION_LEADS.iter().find(|l| p.starts_with(*l)) {
        p = &p[l.len()..];
    }
    HEARD.iter().any(|r| p.starts_with(r)) || !asked && STARTLED.iter().any(|r| p.starts_with(r))
}

impl Context<'_> {
    /// The person opening the sentence right after quote `q`, when `q` opens its own
    /// sentence, ends with a sentence mark, and does not name that person itself (`“小三儿
    /// 呢？”小三儿是瑞全` tells who 小三儿 is; it is not 小三儿 speaking).
    pub(super) fn beat_after(&self, q: &Range<usize>) -> Option<Who> {
        let before = self.text[self.para.start..q.start].trim_end_matches([' ', '\t', '\u{3000}']);
        // Only a quote opening its sentence; after another quote it may be someone else's
        // line or the same speaker's: unknown.
        if before.chars().next_back().is_some_and(|c| !is_sentence_end(c)) {
            return None;
        }
        let inner = &self.text[q.start..q.end];
        let last = inner.chars().rev().nth(1)?;
        if !(is_sentence_end(last) || last == '—') {
            return None;
        }
        let rest = &self.text[q.end..self.para.end];
        let sentence = &rest[..rest.find(is_sentence_end).unwrap_or(rest.len())];
        // A sentence that leads into another quote, or says someone spoke, is another's.
        if sentence.contains(['“', '「', '：', ':']) || verb_at_end(sentence).is_some() {
            return None;
        }
        let clause = &sentence[..sentence.find(is_clause_end).unwrap_or(sentence.len())];
        let asked = matches!(last, '？' | '?');
        for p in ["他", "她"] {
            if let Some(after) = clause.strip_prefix(p) {
                let next = after.chars().next();
                return next
                    .is_some_and(|c| is_han(c) && !"的们們人俩倆".contains(c) && !reacts(after, asked))
                    .then_some(Who::Pronoun(p == "她"));
            }
        }
        let (n, after) = self.people.opening_name(clause)?;
        let joined = after.chars().next().is_none_or(|c| JOINS_NAME.contains(c) || c == '是');
        (!joined && !inner.contains(n) && !reacts(after, asked)).then(|| Who::Name(n.to_string(), None))
    }

    /// `站长蓝秀英正把一箱箱茶叶打包上车。“车上来送件……”`: a report's quote that opens its
    /// sentence and closes the paragraph is the line of the person of the report (named
    /// after a title) who opens the sentence before it, after any clause of place or time
    /// (`在大均乡的服务站，`), when that sentence leads into no other quote and names no one
    /// else.
    pub(super) fn beat_before(&self, q: &Range<usize>) -> Option<Who> {
        if !self.text[q.end..self.para.end].trim().is_empty() {
            return None;
        }
        let inner = &self.text[q.start..q.end];
        if !inner.chars().rev().nth(1).is_some_and(is_sentence_end) {
            return None;
        }
        let before = self.text[self.para.start..q.start].trim_end_matches([' ', '\t', '\u{3000}']);
        if !before.chars().next_back().is_some_and(is_sentence_end) {
            return None;
        }
        let end = self.para.start + before.len() - before.chars().next_back().map_or(0, char::len_utf8);
        let sentence = &self.text[self.sentence_start(end, true)..end];
        if sentence.contains(['“', '「', '”', '」', '：', ':']) {
            return None;
        }
        for clause in sentence.split(is_clause_end).take(2) {
            let clause = strip_leads(clause.trim());
            if let Some(n) = self.people.titled_opener(clause) {
                // Someone else named in the sentence (`病人李四躺在床上`) may be the one speaking.
                let others = sentence.char_indices().any(|(i, _)| {
                    self.people.name_at(&sentence[i..]).is_some_and(|m| m != n && !n.contains(m))
                });
                return (!others).then(|| Who::Name(n.to_string(), None));
            }
            if !clause.starts_with(['在', '于', '於']) || self.people.mentions_anyone(clause) {
                return None;
            }
        }
        None
    }

    /// `“我就看不下去！”老人说。“都是你婆婆宠得她！”`: a quote opening the sentence after
    /// another quote and that quote's attribution (a sentence of its own) goes on with the
    /// same speaker, unless the first asked something (`“打得起来吗？”她问。“人心很不安
    /// 呢！”` is answered by another).
    pub(super) fn continued(&self, q: &Range<usize>) -> Option<Who> {
        // Pairs are in order and do not overlap: the one before by a binary search.
        let p = self.pairs[..self.pairs.partition_point(|p| p.end <= q.start)].last()?;
        let between = &self.text[p.end..q.start];
        let attribution = between.strip_suffix('。')?;
        if attribution.contains(is_sentence_end) {
            return None;
        }
        let asked = self.text[p.clone()].chars().rev().nth(1).is_some_and(|c| matches!(c, '？' | '?'))
            || attribution.ends_with(['问', '問']);
        if asked {
            return None;
        }
        self.after(p)?
    }
}

#[cfg(test)]
mod tests {
    use super::reacts;

    #[test]
    fn reactions_of_a_hearer_are_told_from_a_speakers_doings() {
        for r in [
            "吓了一跳",
            "大吃一惊",
            "一愣",
            "愣住了",
            "心里一惊",
            "听了",
            "闻声赶来",
            "回头一看",
            "转过身来",
            "拔腿就跑",
            "逃走了",
            "惊呆了",
            "惊住了",
            "惊得说不出话来",
        ] {
            assert!(reacts(r, false), "{r}");
        }
        // Hearing and running show the hearer after a question too; being startled not.
        assert!(reacts("听了", true) && reacts("拔腿就跑", true));
        assert!(!reacts("吃了一惊", true) && !reacts("一愣", true));
        // The speaker's own doings, someone else hearing, and turning away to leave.
        for r in [
            "满意了",
            "笑了笑",
            "叹了口气",
            "把门关上了",
            "点点头",
            "吓唬他",
            "唯恐有人偷听",
            "不能再听这些闲话",
            "忽然转身往回走",
            "惊喜地迎上去",
            "惊喜得跳了起来",
            "惊讶地看着他",
            "惊叫起来",
            "惊呼一声",
            "应声跑出来",
            "應聲而出",
        ] {
            assert!(!reacts(r, false), "{r}");
        }
    }
}
