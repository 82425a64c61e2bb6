//! Arbitrary text full of controls → every plain-text and JSON script output: no byte that
//! could drive a terminal (only `\n` and the field-separating `\t` below 0x20).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else { return };
    let text = yuedu_fuzz::control_rich_text(rest);
    yuedu_fuzz::check_outputs(&text, u16::from(w % 120) + 1);
});
