//! Unit tests of quote finding and speaker attribution, with made-up sentences.

use super::*;

fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
    let paras: Vec<Range<usize>> = crate::document::split_blocks(text).iter().map(|b| b.range()).collect();
    find_quotes(text, &paras)
        .into_iter()
        .map(|q| (text[q.start..q.end].to_string(), q.kind, q.speaker))
        .collect()
}

#[test]
fn woke_up_and_said_is_speech_not_the_word_for_enlightenment() {
    // `悟道` (to attain the Way) is no speech verb, but `醒悟道` is `醒悟` + `道`.
    assert_eq!(speakers("李靖醒悟道：“原来如此。”"), vec![some("李靖")]);
    assert_eq!(verb_at_end("修行多年方悟道"), None);
}

#[test]
fn word_lists_by_their_end_find_the_longest_word() {
    let ends = Suffixes::new(&["道", "说道", "补充道", "知道"]);
    assert_eq!(ends.longest_at_end("他补充道"), Some("补充道"));
    assert_eq!(ends.longest_at_end("宝玉说道"), Some("说道"));
    assert_eq!(ends.longest_at_end("宝玉道"), Some("道"));
    assert_eq!(ends.longest_at_end("道"), Some("道"));
    assert_eq!(ends.longest_at_end("宝玉笑"), None);
    assert_eq!(ends.longest_at_end(""), None);
    assert!(ends.ends_one('道') && !ends.ends_one('说'));
    let set = CharSet::new("王李".chars());
    assert!(set.contains('王') && !set.contains('张') && !set.contains('😀'));
    assert_eq!(verb_at_end("他知道"), None);
    assert_eq!(verb_at_end("他补充道"), Some("补充道".len()));
}

#[test]
fn nested_single_marks_stay_inside() {
    let q = quotes("“我们的‘从0到1’创新。”他说。");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "“我们的‘从0到1’创新。”");
}

#[test]
fn an_unpaired_mark_stays_in_its_paragraph() {
    let q = quotes("他说“没有结尾\n另一段“建框架”的事");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "“建框架”");
    let q = quotes("他说“没有结尾,她说“好”");
    assert_eq!(q.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), vec!["“好”"]);
}

#[test]
fn corner_brackets_are_quotes() {
    let q = quotes("王五说:「今天『很好』。」");
    assert_eq!(q, vec![("「今天『很好』。」".into(), QuoteKind::Speech, Some("王五".into()))]);
}

#[test]
fn novel_dialogue_with_corner_brackets_and_dao() {
    let text = "林黛玉笑道:「你又来了。」\n宝玉听了,问道:「妹妹往哪里去?」\n「回家。」她说。";
    let q = quotes(text);
    let who: Vec<Option<&str>> = q.iter().map(|x| x.2.as_deref()).collect();
    assert_eq!(who, vec![Some("林黛玉"), None, None]);
    assert!(q.iter().all(|x| x.1 == QuoteKind::Speech));
}

#[test]
fn a_pronoun_without_a_person_is_unknown() {
    let q = quotes("“明天再来。”他说。");
    assert_eq!(q, vec![("“明天再来。”".into(), QuoteKind::Speech, None)]);
}

#[test]
fn unattributed_speech_has_no_speaker() {
    let q = quotes("有一句话:“这件事,谁也说不清。”");
    assert_eq!(q[0].1, QuoteKind::Speech);
    assert_eq!(q[0].2, None);
}

pub(super) fn speakers(text: &str) -> Vec<Option<String>> {
    quotes(text).into_iter().map(|q| q.2).collect()
}

pub(super) fn titled(text: &str) -> Vec<(Option<String>, Option<String>)> {
    let paras: Vec<Range<usize>> = crate::document::split_blocks(text).iter().map(|b| b.range()).collect();
    find_quotes(text, &paras).into_iter().map(|q| (q.speaker, q.speaker_title)).collect()
}

pub(super) fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn news_title_chain_is_stripped_and_kept_as_the_title() {
    let t = titled("北京某公司首席架构师丁成说：“算力决定成本。”");
    assert_eq!(t, vec![(some("丁成"), some("北京某公司首席架构师"))]);
    let t = titled("市委常委、常务副市长钱卫东表示，“隧道今天通车。”");
    assert_eq!(t, vec![(some("钱卫东"), some("市委常委、常务副市长"))]);
    // Ages and descriptions are not part of the title.
    let t = titled("“都练过了。”监控中心值班长、今年26岁的覃晓光说。");
    assert_eq!(t, vec![(some("覃晓光"), some("监控中心值班长"))]);
}

#[test]
fn a_villager_or_a_passenger_is_described_not_titled() {
    // Where someone lives or what they are to the event is no post: the speaker is named,
    // with no title; a trade or a post keeps its title.
    let t = titled("河口镇李家村村民陈木根说：“今年每斤多卖了三毛钱。”");
    assert_eq!(t, vec![(some("陈木根"), None)]);
    let t = titled("“以前要倒两趟车。”家住江北的市民宁秀珍说。");
    assert_eq!(t, vec![(some("宁秀珍"), None)]);
    let t = titled("“早上能多睡半小时了。”高三学生周雨桐说。");
    assert_eq!(t, vec![(some("周雨桐"), None)]);
    let t = titled("“路修好了，果子好卖。”退休教师郑秋实说。");
    assert_eq!(t, vec![(some("郑秋实"), some("退休教师"))]);
    let t = titled("社区党委书记、居委会主任孟繁星说：“大家愿意交。”");
    assert_eq!(t, vec![(some("孟繁星"), some("社区党委书记、居委会主任"))]);
}

#[test]
fn news_verbs_adverbs_and_a_comma_before_the_attribution() {
    let q = quotes("“价格战打到最后，比拼的是成本，”研究院院长卢静怡称，“企业数量将减少。”");
    assert_eq!(q.iter().map(|x| x.1).collect::<Vec<_>>(), vec![QuoteKind::Speech; 2]);
    assert_eq!(
        speakers("“价格战打到最后，比拼的是成本，”研究院院长卢静怡称，“企业数量将减少。”"),
        vec![some("卢静怡"), some("卢静怡")]
    );
    assert_eq!(speakers("局长王建国斩钉截铁地说：“一定要办好。”"), vec![some("王建国")]);
    for verb in ["坦言", "直言", "感慨", "补充道", "分析道", "告诉本报记者", "则称", "透露", "强调"]
    {
        let text = format!("院长许嘉诚{verb}：“行业拐点还要看下半年。”");
        assert_eq!(speakers(&text), vec![some("许嘉诚")], "{text}");
    }
}

#[test]
fn news_quote_at_the_end_of_an_attributed_sentence() {
    let text = "专业带头人褚文斌分析道，冷链需要人才，“缺口在1.5万人以上”。";
    assert_eq!(quotes(text)[0].1, QuoteKind::Speech);
    assert_eq!(speakers(text), vec![some("褚文斌")]);
}

#[test]
fn a_pronoun_is_the_person_last_named_even_a_paragraph_before() {
    let text = "青岩县高坪村村民岑福林种了12亩甘蓝。\n他告诉本报记者：“去年多卖了0.4元。”";
    assert_eq!(speakers(text), vec![some("岑福林")]);
}

#[test]
fn novel_attribution_gives_the_subject_never_the_addressee_or_a_glued_verb() {
    let text = "宝玉道：“我来了。”黛玉道：“你来做什么？”宝玉道：“看你。”黛玉道：“哦。”\n\
                宝玉听了，忙笑道：“妹妹说得是。”\n\
                宝玉又向黛玉道：“好妹妹。”\n\
                士隐道：“请坐。”\n士隐因说道：“此事难办。”\n士隐道：“罢了。”";
    assert_eq!(
        speakers(text),
        vec![
            some("宝玉"),
            some("黛玉"),
            some("宝玉"),
            some("黛玉"),
            some("宝玉"),
            some("宝玉"),
            some("士隐"),
            some("士隐"),
            some("士隐")
        ]
    );
}

#[test]
fn the_next_quotes_attribution_is_not_this_ones() {
    // `黛玉道：` introduces the second quote; the first stays unnamed.
    let text = "宝玉道：“好。”黛玉道：“嗯。”\n“你说呢？”黛玉道：“我不知道。”";
    let s = speakers(text);
    assert_eq!(s[2], None);
    assert_eq!(s[3], some("黛玉"));
}

#[test]
fn function_words_are_not_names() {
    let text = "一面说道：“走吧。”\n如此说道：“也好。”";
    assert_eq!(speakers(text), vec![None, None]);
}

#[test]
fn alternating_dialogue_without_attribution_stays_unnamed() {
    let text = "宝玉道：“走。”\n宝玉道：“去吗？”\n“不去。”\n“为什么？”";
    assert_eq!(speakers(text), vec![some("宝玉"), some("宝玉"), None, None]);
}

#[test]
fn traditional_verbs_and_corner_marks() {
    assert_eq!(speakers("「這件事不好辦。」丁成說。"), vec![some("丁成")]);
    assert_eq!(speakers("院長丁成稱：「明年再議。」"), vec![some("丁成")]);
    assert_eq!(speakers("丁成表示：「可以。」"), vec![some("丁成")]);
}

#[test]
fn a_word_mentioned_after_a_verb_is_a_term() {
    let q = quotes("她不好意思说“信”，也不好意思说“不信”，只好笑了。说“晚霞”人们不懂。");
    assert!(q.iter().all(|x| x.1 == QuoteKind::Term), "{q:?}");
}

#[test]
fn naming_verbs_right_before_a_quote_are_terms() {
    let q = quotes("张角自称“天公将军”，张宝称“地公将军”。");
    assert!(q.iter().all(|x| x.1 == QuoteKind::Term && x.2.is_none()), "{q:?}");
}

#[test]
fn a_one_character_name_is_the_full_name_written_before_it() {
    let text = "幽州太守刘焉召校尉邹靖计议。靖曰：“贼兵众，我兵寡。”刘焉然其说。";
    assert_eq!(speakers(text), vec![some("邹靖")]);
    // Addressing someone (`谓`) keeps the subject; `与` makes two subjects.
    let text = "卢植兵五万。植谓玄德曰：“汝可引本部人马。”";
    assert_eq!(speakers(text), vec![some("卢植")]);
    let text = "皇甫嵩、朱儁领军拒贼。嵩与儁计曰：“当用火攻之。”";
    assert_eq!(speakers(text), vec![None]);
    // A one-character verb or a poem is not a short name.
    let text = "郭沫若有诗。诗曰“年进美金七千万”。";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn a_clause_of_only_a_predicate_takes_the_subject_of_its_sentence() {
    let text = "祖师道：“来。”\n悟空道：“是。”\n祖师闻言，暗喜道：“好。”\n祖师道：“来。”\n悟空听说，满心欢喜，朝上叩头道：“谢师父。”\n悟空道：“是。”";
    assert_eq!(
        speakers(text),
        vec![some("祖师"), some("悟空"), some("祖师"), some("祖师"), some("悟空"), some("悟空")]
    );
    // A new person in the clause stops the search.
    let text = "宝玉道：“走。”\n宝玉道：“好。”\n宝玉进了门，一个丫头笑道：“来了。”";
    assert_eq!(speakers(text), vec![some("宝玉"), some("宝玉"), None]);
}

#[test]
fn a_clause_without_subject_after_a_quote_continues_its_speaker() {
    let text = "太尉道：“好。”\n太尉想道：“我且看看。”便对真人说道：“开门。”";
    assert_eq!(speakers(text), vec![some("太尉"), some("太尉"), some("太尉")]);
}

#[test]
fn a_sentence_that_opens_with_a_person_and_leads_into_the_quote() {
    let text = "58岁的果农蒋秀兰家有杨梅树。她给记者算了一笔账：今年能收4000斤，“比前几年翻了一番还多”。";
    let q = quotes(text);
    assert_eq!(q[0].1, QuoteKind::Speech);
    assert_eq!(q[0].2, some("蒋秀兰"));
    let text = "72岁的志愿者柏玉珍每周都上门看望老人，“大家住在一个院子里，能搭把手就搭把手”。";
    assert_eq!(speakers(text), vec![some("柏玉珍")]);
    let text = "院长许嘉诚说：“行。”\n在他看来，资本涌入是主因，“不少玩家拿着钱就上产线，过于乐观”。";
    assert_eq!(speakers(text), vec![some("许嘉诚"), some("许嘉诚")]);
    // Something written is not said by the one who reads it.
    let text = "院长许嘉诚说：“行。”\n许嘉诚看见牌子上写着：“此路不通，请绕行。”";
    assert_eq!(speakers(text), vec![some("许嘉诚"), None]);
}

#[test]
fn a_quote_paragraph_after_one_ending_in_a_colon_or_dash() {
    let text = "带他的是副主任杜宏斌。杜宏斌没有批评他，说了一句话——\n“急救没有捷径，就是练。”";
    assert_eq!(speakers(text), vec![some("杜宏斌")]);
    let text = "医生曾雯说：“快。”\n曾雯蹲在床边，一遍遍向家属解释：\n“耽误不得，每晚一分钟，危险就多一分。”";
    assert_eq!(speakers(text), vec![some("曾雯"), some("曾雯")]);
    // After a paragraph ending in `。` the speaker stays unknown.
    let text = "医生曾雯说：“快。”\n曾雯冲向车库。\n“走！”";
    assert_eq!(speakers(text), vec![some("曾雯"), None]);
}

#[test]
fn quoted_terms_between_an_attribution_and_its_quote() {
    let text = "局长项建平表示，隧道通车后，新区将融入“半小时通勤圈”，“新区三分之一的人在老城上班，隧道会方便他们。”";
    assert_eq!(speakers(text), vec![None, some("项建平")]);
}

#[test]
fn a_group_that_speaks_again_and_again_is_a_speaker() {
    let text = "众猴道：“好水！”\n石猴道：“没水！”\n众猴道：“你还进去吗？”";
    assert_eq!(speakers(text), vec![some("众猴"), some("石猴"), some("众猴")]);
    // Said once, a group stays unnamed.
    assert_eq!(speakers("众将道：“遵命。”"), vec![None]);
}

#[test]
fn a_demonstrative_before_a_recurring_subject() {
    let text = "那后生道：“你是谁？”\n那后生听了大怒，喝道：“休走！”\n那后生道：“来。”";
    assert_eq!(speakers(text), vec![some("后生"), some("后生"), some("后生")]);
}

#[test]
fn the_subject_opening_a_sentence_of_predicates() {
    let text = "祖师道：“来。”祖师道：“坐。”\n祖师闻言，跳下高台，手持戒尺，指定悟空道：“你这猢狲！”";
    assert_eq!(speakers(text), vec![some("祖师"), some("祖师"), some("祖师")]);
    // Someone new in between stops the search.
    let text = "祖师道：“来。”祖师道：“坐。”\n祖师闻言，一个童子跳下高台，指定悟空道：“你这猢狲！”";
    assert_eq!(speakers(text), vec![some("祖师"), some("祖师"), None]);
    // A sentence of only a verb goes on from the sentence before.
    let text = "大众道：“好。”大众道：“是。”\n大众见了，鼓掌大笑。都道：“好猴儿！”";
    assert_eq!(speakers(text), vec![some("大众"), some("大众"), some("大众")]);
}

#[test]
fn a_verb_of_addressing_its_object_and_a_colon() {
    let text = "史进道：“好。”\n史进火急披衣，来到庄前，问小喽啰：“有甚话说？”";
    assert_eq!(speakers(text), vec![some("史进"), some("史进")]);
}

#[test]
fn someone_introduced_and_named_right_after_the_quote() {
    let text = "何进欲诛宦官。座上一人挺身出曰：“宦官之势，起自冲、质之时。”进视之，乃典军校尉曹操也。";
    assert_eq!(speakers(text), vec![some("曹操")]);
    // No name after `乃`: nobody.
    let text = "座上一人挺身出曰：“不可。”众皆惊。";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn one_character_names_far_from_their_full_name() {
    // `飞曰` when the text knows one name ending in 飞, and `帝曰` that recurs.
    let far = "。".repeat(2500);
    let text = format!("张飞曰：“来。”张飞曰：“走。”{far}\n飞曰：“吾颇有资财。”飞曰：“好。”");
    assert_eq!(speakers(&text), vec![some("张飞"); 4]);
    let text = "帝曰：“国家承平。”陶曰：“危矣。”帝怒谓陶曰：“汝家亦有近侍之人。”";
    assert_eq!(speakers(text), vec![some("帝"), None, some("帝")]);
}

#[test]
fn she_stands_for_a_woman_and_he_for_no_woman() {
    // 她 never stands for a man or an old man of unknown sex; 他 never for a woman.
    let text = "老人问：“瑞宣呢？”\n“他今天有课。”她回答。";
    assert_eq!(speakers(text), vec![some("老人"), None]);
    let text = "大嫂道：“好。”大嫂道：“走。”\n“是吗？”他说。";
    assert_eq!(speakers(text), vec![some("大嫂"), some("大嫂"), None]);
    let text = "大嫂道：“好。”大嫂道：“走。”\n“是吗？”她说。";
    assert_eq!(speakers(text), vec![some("大嫂"), some("大嫂"), some("大嫂")]);
}

#[test]
fn a_person_leading_into_a_quote_that_ends_its_sentence() {
    let text = "祥子道：“好。”祥子道：“走。”\n祥子把钱又数了一遍：“我要这辆车，九十六！”铺主叹了口气。";
    assert_eq!(speakers(text), vec![some("祥子"), some("祥子"), some("祥子")]);
}

#[test]
fn kin_and_roles_speak_as_named() {
    assert_eq!(speakers("母亲道：“秋天再接你来看戏。”"), vec![some("母亲")]);
}

#[test]
fn words_quoted_from_a_record_are_speech() {
    let q = quotes(
        "时人把他比之王导而又“文雅过之”（《晋书·谢安传》）。但能“尽忠王室”，“忠言嘉谋，每尽力心”（《晋书·桓冲传》）。",
    );
    assert!(q.iter().all(|x| x.1 == QuoteKind::Speech), "{q:?}");
    // A short term with a note is a term.
    let q = quotes("后人称之为“祖率”[3]。");
    assert_eq!(q[0].1, QuoteKind::Term);
    let q = quotes("古诗云“五岳若与黄山比，犹欠灵砂一道泉”。");
    assert_eq!(q[0].1, QuoteKind::Speech);
}

#[test]
fn an_attributed_quote_is_speech_whatever_ends_it() {
    let q = quotes(
        "某国有大行授信部门负责人坦言，目前对新增产能项目“基本不再新增授信”，对存量客户则按照“一户一策”排查。",
    );
    assert_eq!(q.iter().map(|x| x.1).collect::<Vec<_>>(), vec![QuoteKind::Speech, QuoteKind::Term]);
    // A name closing the clause is still a term.
    let q = quotes("陈海慈说，平台已联合9家供应商开展“上海智能算力加速计划”，建立分配机制。");
    assert_eq!(q[0].1, QuoteKind::Term);
    let q = quotes(
        "“价格还在往下走，有的订单已经低于成本价，”一家储能系统集成企业负责人告诉第一财经记者，“现在接单，就是在赌。”",
    );
    assert!(q.iter().all(|x| x.1 == QuoteKind::Speech), "{q:?}");
}

#[test]
fn a_pronoun_speaker_has_the_title_its_person_was_named_with() {
    let t = titled("北京某公司首席架构师丁成在发布会上发言。\n他说：“算力决定成本。”");
    assert_eq!(t, vec![(some("丁成"), some("北京某公司首席架构师"))]);
    let t = titled("院长许嘉诚说：“行。”记者随后走访了园区。\n他说：“再看看。”");
    assert_eq!(t, vec![(some("许嘉诚"), some("院长")), (some("许嘉诚"), some("院长"))]);
}

#[test]
fn a_person_named_by_kin_of_another() {
    let text =
        "“还够吃吗？”小顺儿的妈轻轻的问。\n“打得起来吗？”小顺儿的妈以长媳的资格大胆的问。“人心很不安呢！”";
    assert_eq!(speakers(text), vec![some("小顺儿的妈"), some("小顺儿的妈"), None]);
}

#[test]
fn the_first_of_a_group_leads_it() {
    let text = "张让道：“好。”张让道：“是。”\n张让等知事急，慌入告何后曰：“乞娘娘怜悯！”";
    assert_eq!(speakers(text), vec![some("张让"); 3]);
}

#[test]
fn nicknames_narrative_openers_and_objects_keep_the_subject() {
    // A nickname before a known name.
    let text = "陈达道：“好。”陈达道：“走。”\n跳涧虎陈达道：“说得是。”";
    assert_eq!(speakers(text), vec![some("陈达"); 3]);
    // `只见`, `次后` open a clause without being its subject.
    let text = "庄客道：“好。”庄客道：“来。”\n只见庄客飞报道：“山寨里来人了！”";
    assert_eq!(speakers(text), vec![some("庄客"); 3]);
    // Whom the subject sees or is told of is no new subject; a colon goes on the sentence.
    let text = "王进道：“好。”王进道：“走。”\n王进谢罪罢，认得是高俅；出得衙门，叹口气道：“难保了！”";
    assert_eq!(speakers(text), vec![some("王进"); 3]);
    let text = "高俅道：“好。”高俅道：“走。”\n高俅大怒：喝令：“拿下！”";
    assert_eq!(speakers(text), vec![some("高俅"); 3]);
    // Someone else's words said to two people: the one who speaks opens the sentence.
    let text = "朱武道：“好。”杨春道：“是。”陈达道：“嗯。”\n当日朱武却与陈达，杨春说道：“如今去借粮。”";
    assert_eq!(speakers(text), vec![some("朱武"), some("杨春"), some("陈达"), some("朱武")]);
}

#[test]
fn a_person_named_by_what_they_are_speaks() {
    assert_eq!(speakers("似乎卖豆腐的在说：“我的豆腐真好！”"), vec![some("卖豆腐的")]);
    assert_eq!(speakers("到了店里，赶车的车夫就向掌柜的说：“好冷。”"), vec![some("赶车的车夫")]);
    // The one spoken to is not the speaker, whichever of the two is a role.
    assert_eq!(speakers("孩子对卖豆腐的说：“来一块。”"), vec![some("孩子")]);
    // People in general, and `的` standing for `地`, name no one.
    assert_eq!(speakers("城里的人就说：“戏台搭起来了。”"), vec![None]);
    assert_eq!(speakers("他低下头去，低声的说：“时局不好。”"), vec![None]);
    for said in ["林枫沉默片刻，认真的说：“我会去的。”", "林枫想了想，无奈的说：\n“好吧。”"]
    {
        let got = speakers(said);
        assert!(got == vec![None] || got == vec![some("林枫")], "{said}: {got:?}");
    }
}

#[test]
fn an_attribution_closing_the_paragraph_before_names_the_speaker() {
    assert_eq!(speakers("门前聚了一群狗在咬，主人问：\n\n“咬什么？”"), vec![some("主人")]);
    // A person named after a long description may be anyone's: not taken.
    assert_eq!(speakers("娘家也无法，就是那当年指腹为亲的母亲说：\n\n“这是命。”"), vec![None]);
}

#[test]
fn the_one_addressed_by_a_pronoun_is_not_the_speaker() {
    // `他对张三说`: 他 is 李四, named before him; 张三 is spoken to.
    let text = "李四道：“走。”张三笑道：“好。”李四走进门来，他对张三说：“你来。”";
    assert_eq!(speakers(text), vec![some("李四"), some("张三"), some("李四")]);
}

#[test]
fn what_a_speaker_does_after_a_line_names_them() {
    let text = "张三道：“走吧。”\n\n“好！”张三满意了。\n\n“是吗？”她低下头去。";
    assert_eq!(speakers(text), vec![some("张三"), some("张三"), None]);
    // Someone named in the quote is spoken to or of: not the speaker.
    let text = "张三道：“来。”\n\n“张三，快跑！”张三吓了一跳。";
    assert_eq!(speakers(text), vec![some("张三"), None]);
    // `是` tells who someone is; a sentence leading into another quote is its speaker's.
    let text = "张三道：“来。”\n\n“好吗？”张三是他的哥哥。\n\n“好！”张三笑着，对他说：“走。”";
    assert_eq!(speakers(text), vec![some("张三"), None, None, some("张三")]);
    // After another quote: whose line it is, the text does not say.
    let text = "张三道：“来。”\n\n“去哪？”“好！”张三满意了。";
    assert_eq!(speakers(text), vec![some("张三"), None, None]);
}

#[test]
fn one_who_reacts_to_a_line_heard_it_and_did_not_say_it() {
    // Startled, hearing, turning to the voice, running from it: the hearer.
    for beat in [
        "张三吓了一跳。",
        "张三一愣。",
        "张三愣住了。",
        "张三心里一惊，站了起来。",
        "张三听了，半天不言语。",
        "张三回头一看。",
        "张三转身就跑。",
        "张三拔腿就跑。",
        "张三吓得脸都白了。",
        "她怔了一下。",
    ] {
        let text = format!("张三道：“来。”\n\n“快跑！”{beat}");
        assert_eq!(speakers(&text), vec![some("张三"), None], "{beat}");
    }
    // What the speaker does as they say it still names them: turning away to leave,
    // someone else listening, and being startled while asking.
    for (line, beat) in [
        ("好！", "张三满意了。"),
        ("好！", "张三笑了笑。"),
        ("好！", "张三叹了口气，坐下了。"),
        ("明儿见！", "张三忽然转身往回走。"),
        ("别嚷！", "张三唯恐有人在门里偷听。"),
        ("有事吗？我忙！", "张三不能再听这些闲话。"),
        ("拿人？", "张三吃了一惊。"),
    ] {
        let text = format!("张三道：“来。”\n\n“{line}”{beat}");
        assert_eq!(speakers(&text), vec![some("张三"), some("张三")], "{beat}");
    }
}

#[test]
fn a_speaker_goes_on_within_the_paragraph_unless_asked() {
    let text = "张三道：“来。”\n\n“我不去！”张三摇头说。“你自己去吧。”";
    assert_eq!(speakers(text), vec![some("张三"), some("张三"), some("张三")]);
    // A question is answered by the other.
    let text = "张三道：“来。”\n\n“打得起来吗？”张三问。“人心很不安呢！”";
    assert_eq!(speakers(text), vec![some("张三"), some("张三"), None]);
    // More than the attribution between: the text does not say.
    let text = "张三道：“来。”\n\n“我不去！”张三说。李四进来了。“你自己去吧。”";
    assert_eq!(speakers(text), vec![some("张三"), some("张三"), None]);
}

#[test]
fn a_sentence_showing_a_persons_face_leads_into_their_line() {
    let text = "张三道：“好。”\n\n张三的脸通红，手哆嗦着，拍出钱来：“我要这辆车！”";
    assert_eq!(speakers(text), vec![some("张三"), some("张三")]);
    // Someone's belongings are no part of them: not taken.
    let text = "张三道：“好。”\n\n张三的车停在门口，铺主拍着车：“拉去吧！”";
    assert_eq!(speakers(text), vec![some("张三"), None]);
}

proptest::proptest! {
    #[test]
    fn attribution_never_panics_on_any_text(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "“", "”", "「", "」", "‘", "’", "，", "：", "。", "！", "？", "……", "——", "\n", "\n\n", " ",
            "说", "道", "曰", "问", "答", "表示", "他", "她", "张三", "李四", "的", "人", "孩子", "主人",
            "卖豆腐的", "对", "谓", "于是", "似乎", "在", "嘴里", "低声", "a", "1", "\u{0}", "é", "😀",
        ]), 0..80)
    ) {
        let text: String = parts.concat();
        let paras: Vec<Range<usize>> =
            crate::document::split_blocks(&text).iter().map(|b| b.range()).collect();
        for q in find_quotes(&text, &paras) {
            proptest::prop_assert!(q.start < q.end && q.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        }
    }
}
