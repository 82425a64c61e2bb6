use super::*;
use proptest::prelude::*;

const OSC: &[u8] = b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\";
const OSC_BEL: &[u8] = b"\x1b]11;rgb:0000/0000/0000\x07";
const DA: &[u8] = b"\x1b[?64;1;2;6;22c";

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

#[test]
fn answers_alone_leave_nothing_typed() {
    for reply in [cat(&[OSC, DA]), cat(&[OSC_BEL, DA]), cat(&[DA, OSC]), DA.to_vec()] {
        let s = split(&reply);
        assert_eq!(s.answers, reply);
        assert!(s.typed.is_empty());
        assert!(s.da1);
    }
}

#[test]
fn keys_before_between_and_after_the_answers_are_typed_in_order() {
    let s = split(&cat(&[b"G", OSC, b" j", DA, b"q"]));
    assert_eq!(s.typed, b"G jq");
    assert_eq!(s.answers, cat(&[OSC, DA]));
    assert!(s.da1);
    // The other order.
    let s = split(&cat(&[b"a", DA, "中".as_bytes(), OSC_BEL, b"\x1b[B"]));
    assert_eq!(s.typed, cat(&[b"a", "中".as_bytes(), b"\x1b[B"]));
    assert_eq!(s.answers, cat(&[DA, OSC_BEL]));
    // The colour is read from the answers alone.
    assert_eq!(
        crate::terminal::background::from_osc11(&split(&cat(&[b"x", OSC, b"y", DA])).answers),
        Some(crate::config::Background::Light)
    );
}

#[test]
fn an_answer_cut_off_at_the_deadline_is_not_typed() {
    for cut in [&OSC[..12], &OSC[..OSC.len() - 1], &DA[..7], b"\x1b[?", b"\x1b[", b"\x1b]", b"\x1b]11"] {
        let s = split(&cat(&[b"j", cut]));
        assert_eq!(s.typed, b"j", "{cut:?}");
        assert_eq!(s.answers, cut);
        assert!(!s.da1);
    }
}

#[test]
fn no_answer_at_all_leaves_everything_typed() {
    let s = split(b"Gq\x1b[A");
    assert_eq!(s.typed, b"Gq\x1b[A");
    assert!(s.answers.is_empty());
    assert!(!s.da1);
    assert_eq!(split(b""), Split::default());
}

#[test]
fn a_lone_esc_at_the_end_is_typed() {
    let s = split(&cat(&[OSC, DA, b"\x1b"]));
    assert_eq!(s.typed, b"\x1b");
    assert_eq!(keys(&s.typed), vec![ev(KeyCode::Esc, KeyModifiers::NONE)]);
}

#[test]
fn an_escape_inside_the_osc_answer_that_is_not_its_end_ends_it() {
    let s = split(b"\x1b]11;rgb:00/00/00\x1b[A");
    assert_eq!(s.answers, b"\x1b]11;rgb:00/00/00");
    assert_eq!(s.typed, b"\x1b[A");
}

fn ev(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn one(bytes: &[u8]) -> Event {
    let events = keys(bytes);
    assert_eq!(events.len(), 1, "{bytes:?} → {events:?}");
    events.into_iter().next().unwrap()
}

#[test]
fn plain_characters_and_multibyte_ones() {
    let none = KeyModifiers::NONE;
    assert_eq!(
        keys(b"Gq "),
        vec![
            ev(KeyCode::Char('G'), KeyModifiers::SHIFT),
            ev(KeyCode::Char('q'), none),
            ev(KeyCode::Char(' '), none)
        ]
    );
    assert_eq!(
        keys("中文?".as_bytes()),
        vec![ev(KeyCode::Char('中'), none), ev(KeyCode::Char('文'), none), ev(KeyCode::Char('?'), none)]
    );
    assert_eq!(one("É".as_bytes()), ev(KeyCode::Char('É'), KeyModifiers::SHIFT));
    assert_eq!(one("😀".as_bytes()), ev(KeyCode::Char('😀'), none));
}

#[test]
fn control_keys() {
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    assert_eq!(one(b"\r"), ev(KeyCode::Enter, none));
    assert_eq!(one(b"\n"), ev(KeyCode::Enter, none));
    assert_eq!(one(b"\t"), ev(KeyCode::Tab, none));
    assert_eq!(one(b"\x7f"), ev(KeyCode::Backspace, none));
    // 0x08 is Ctrl-h to crossterm, as every other control byte is Ctrl and a letter.
    assert_eq!(one(b"\x08"), ev(KeyCode::Char('h'), ctrl));
    assert_eq!(one(b"\x03"), ev(KeyCode::Char('c'), ctrl));
    assert_eq!(one(b"\x01"), ev(KeyCode::Char('a'), ctrl));
    assert_eq!(one(b"\x1a"), ev(KeyCode::Char('z'), ctrl));
    assert_eq!(one(b"\x1c"), ev(KeyCode::Char('4'), ctrl));
    assert_eq!(one(b"\x00"), ev(KeyCode::Char(' '), ctrl));
}

#[test]
fn escape_and_alt() {
    let alt = KeyModifiers::ALT;
    assert_eq!(one(b"\x1b"), ev(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(one(b"\x1bx"), ev(KeyCode::Char('x'), alt));
    assert_eq!(one(b"\x1bG"), ev(KeyCode::Char('G'), alt | KeyModifiers::SHIFT));
    assert_eq!(one("\x1b中".as_bytes()), ev(KeyCode::Char('中'), alt));
    assert_eq!(one(b"\x1b\x04"), ev(KeyCode::Char('d'), alt | KeyModifiers::CONTROL));
    // Two ESCs are one Esc to crossterm; Esc then a key typed later is Alt and the key.
    assert_eq!(
        keys(b"\x1b\x1bq"),
        vec![ev(KeyCode::Esc, KeyModifiers::NONE), ev(KeyCode::Char('q'), KeyModifiers::NONE)]
    );
}

#[test]
fn cursor_and_editing_keys() {
    let none = KeyModifiers::NONE;
    for (bytes, code) in [
        (&b"\x1b[A"[..], KeyCode::Up),
        (b"\x1b[B", KeyCode::Down),
        (b"\x1b[C", KeyCode::Right),
        (b"\x1b[D", KeyCode::Left),
        (b"\x1b[H", KeyCode::Home),
        (b"\x1b[F", KeyCode::End),
        (b"\x1bOA", KeyCode::Up),
        (b"\x1bOD", KeyCode::Left),
        (b"\x1bOH", KeyCode::Home),
        (b"\x1bOF", KeyCode::End),
        (b"\x1bOP", KeyCode::F(1)),
        (b"\x1bOS", KeyCode::F(4)),
        (b"\x1b[1~", KeyCode::Home),
        (b"\x1b[2~", KeyCode::Insert),
        (b"\x1b[3~", KeyCode::Delete),
        (b"\x1b[4~", KeyCode::End),
        (b"\x1b[5~", KeyCode::PageUp),
        (b"\x1b[6~", KeyCode::PageDown),
        (b"\x1b[7~", KeyCode::Home),
        (b"\x1b[8~", KeyCode::End),
        (b"\x1b[11~", KeyCode::F(1)),
        (b"\x1b[15~", KeyCode::F(5)),
        (b"\x1b[24~", KeyCode::F(12)),
        (b"\x1b[P", KeyCode::F(1)),
        (b"\x1b[[A", KeyCode::F(1)),
    ] {
        assert_eq!(one(bytes), ev(code, none), "{bytes:?}");
    }
    assert_eq!(one(b"\x1b[Z"), ev(KeyCode::BackTab, KeyModifiers::SHIFT));
}

#[test]
fn modifier_parameters() {
    let ctrl = KeyModifiers::CONTROL;
    assert_eq!(one(b"\x1b[1;5A"), ev(KeyCode::Up, ctrl));
    assert_eq!(one(b"\x1b[1;2D"), ev(KeyCode::Left, KeyModifiers::SHIFT));
    assert_eq!(one(b"\x1b[1;3H"), ev(KeyCode::Home, KeyModifiers::ALT));
    assert_eq!(one(b"\x1b[1;6P"), ev(KeyCode::F(1), ctrl | KeyModifiers::SHIFT));
    assert_eq!(one(b"\x1b[5;5~"), ev(KeyCode::PageUp, ctrl));
    assert_eq!(one(b"\x1b[3;3~"), ev(KeyCode::Delete, KeyModifiers::ALT));
    // The older form, the modifiers in the digit before the key.
    assert_eq!(one(b"\x1b[5A"), ev(KeyCode::Up, ctrl));
    // A release (kitty's `:3`) is a release, which the reader ignores as it does when read.
    let Event::Key(k) = one(b"\x1b[1;1:3B") else { panic!() };
    assert_eq!((k.code, k.kind), (KeyCode::Down, KeyEventKind::Release));
}

#[test]
fn unknown_and_cut_sequences_are_dropped() {
    let q = ev(KeyCode::Char('q'), KeyModifiers::NONE);
    for bytes in [
        &b"\x1b[99~q"[..],
        b"\x1b[1;5Rq",
        b"\x1b[Xq",
        b"\x1b[;q",
        b"\x1b[=q",
        b"\x1bOxq",
        b"\x1b[?1049hq",
        b"\x1b[<0;3;4Mq",
        b"\x1b[200~q",
        b"\x80q",
        b"\xffq",
        b"\xc0\x80q",
    ] {
        assert_eq!(keys(bytes), vec![q.clone()], "{bytes:?}");
    }
    // Cut at the end.
    for bytes in [&b"\x1b["[..], b"\x1b[1;5", b"\x1bO", b"\xe4\xb8", b"\x1b\xe4"] {
        assert_eq!(keys(bytes), vec![], "{bytes:?}");
    }
}

proptest! {
    #[test]
    fn any_bytes_split_and_parse_without_panic_into_no_more_events_than_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 0..64),
        noise in proptest::collection::vec(prop_oneof![
            Just(b"\x1b".to_vec()), Just(b"[".to_vec()), Just(b"]11;".to_vec()), Just(b"?".to_vec()),
            Just(b"O".to_vec()), Just(b"1;5".to_vec()), Just(b"~".to_vec()), Just(b"c".to_vec()),
            Just("中".as_bytes().to_vec()), Just(b"\x07".to_vec()),
        ], 0..16),
    ) {
        for input in [bytes.clone(), noise.concat(), [bytes, noise.concat()].concat()] {
            let s = split(&input);
            prop_assert_eq!(s.answers.len() + s.typed.len(), input.len());
            let events = keys(&s.typed);
            prop_assert!(events.len() <= s.typed.len());
            prop_assert!(keys(&input).len() <= input.len());
        }
    }
}
