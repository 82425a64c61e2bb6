//! Lines of dialogue whose speaker the text gives by what is around them rather than by an
//! attribution of their own: `“好！”老人满意了。` (a story follows a line with what its
//! speaker did) and `“……。”老人说。“……”` (a speaker goes on within one paragraph).

use std::ops::Range;

use super::clauses::*;
use super::people::*;
use super::speakers::Context;

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
                    .is_some_and(|c| is_han(c) && !"的们們人俩倆".contains(c))
                    .then_some(Who::Pronoun(p == "她"));
            }
        }
        let (n, after) = self.people.opening_name(clause)?;
        let joined = after.chars().next().is_none_or(|c| JOINS_NAME.contains(c) || c == '是');
        (!joined && !inner.contains(n)).then(|| Who::Name(n.to_string(), None))
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
