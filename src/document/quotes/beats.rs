//! Lines of dialogue whose speaker the text gives by what is around them rather than by an
//! attribution of their own: `“好！”老人满意了。` (a story follows a line with what its
//! speaker did) and `“……。”老人说。“……”` (a speaker goes on within one paragraph).

use std::ops::Range;

use super::clauses::*;
use super::people::*;
use super::speakers::Context;

/// What a person does on hearing a line rather than on saying it: being startled or
/// frightened (`吓了一跳`, `一惊`, `一愣`), hearing (`听了`, `闻声`), turning to the voice
/// (`回头`, `转身`) or running from it (`拔腿`, `撒腿`). A sentence after a line that opens
/// with a person doing one of these shows the one who heard it (`“快跑！”张三吓了一跳。`,
/// `“站住！”小偷拔腿就跑。`), so it does not name the speaker.
#[rustfmt::skip]
const REACTIONS: &[&str] = &[
    // Startled, frightened, taken aback.
    "吓了", "嚇了", "吓得", "嚇得", "吓一跳", "嚇一跳", "吓坏", "嚇壞", "吓住", "嚇住", "吓呆", "嚇呆", "吓傻", "嚇傻",
    "惊", "驚", "愣", "怔", "呆住", "呆了", "害怕", "打了个寒", "打了個寒", "慌了", "一震", "一颤", "一顫",
    // Hearing what was said.
    "听", "聽", "闻言", "聞言", "闻声", "聞聲", "闻听", "聞聽", "应声", "應聲",
    // Turning to the voice, looking up at it, stopping at it.
    "回头", "回頭", "回过头", "回過頭", "回身", "回转身", "回轉身", "扭头", "扭頭", "扭过头", "扭過頭", "转身", "轉身",
    "转过身", "轉過身", "转过脸", "轉過臉", "抬头", "抬頭", "抬起头", "抬起頭", "站住", "停住", "停下",
    // Running from it.
    "拔腿", "撒腿", "拔脚", "拔腳", "逃", "溜走", "溜了", "跑开", "跑開",
];

/// Whether `predicate` (what follows the person opening a sentence, within its first
/// clause) says the person reacted as one who heard a line ([`REACTIONS`]).
fn reacts(predicate: &str) -> bool {
    REACTIONS.iter().any(|r| predicate.contains(r))
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
        for p in ["他", "她"] {
            if let Some(after) = clause.strip_prefix(p) {
                let next = after.chars().next();
                return next
                    .is_some_and(|c| is_han(c) && !"的们們人俩倆".contains(c) && !reacts(after))
                    .then_some(Who::Pronoun(p == "她"));
            }
        }
        let (n, after) = self.people.opening_name(clause)?;
        let joined = after.chars().next().is_none_or(|c| JOINS_NAME.contains(c) || c == '是');
        (!joined && !inner.contains(n) && !reacts(after)).then(|| Who::Name(n.to_string(), None))
    }

    /// `站长蓝秀英正把一箱箱茶叶打包上车。“车上来送件……”`: a report's quote that opens its
    /// sentence and closes the paragraph is the line of the person of the report (named
    /// after a title) who opens the sentence before it, after any clause of place or time
    /// (`在大均乡的服务站，`), when that sentence leads into no other quote.
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
                return Some(Who::Name(n.to_string(), None));
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
            "怔了怔",
            "听了",
            "闻声赶来",
            "回头一看",
            "转过身来",
            "拔腿就跑",
            "逃走了",
        ] {
            assert!(reacts(r), "{r}");
        }
        for r in ["满意了", "笑了笑", "叹了口气", "把门关上了", "点点头", "吓唬他", "坐下了"]
        {
            assert!(!reacts(r), "{r}");
        }
    }
}
