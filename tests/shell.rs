//! Fitting the shell: completion scripts and the manual page name every subcommand, and the
//! manual lists the reader's keys as the config binds them.

mod common;

use clap::CommandFactory;
use common::{run, run_env};
use std::io::Write;
use yuedu::cli::Cli;

fn subcommands() -> Vec<String> {
    Cli::command().get_subcommands().map(|c| c.get_name().to_string()).collect()
}

fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn completion_scripts_name_every_subcommand() {
    let names = subcommands();
    assert!(names.iter().any(|n| n == "completions") && names.iter().any(|n| n == "man"), "{names:?}");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(&["completions", shell]);
        for name in &names {
            assert!(script.contains(name.as_str()), "{shell} script lacks {name}");
        }
        assert!(script.contains("from-start"), "{shell} script lacks the options");
    }
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_manual_names_every_subcommand_and_the_keys() {
    let page = stdout_of(&["man"]);
    assert!(page.starts_with(".ie") || page.contains(".TH yuedu 1"), "{}", &page[..200.min(page.len())]);
    for name in subcommands() {
        assert!(page.contains(&name), "the manual lacks {name}");
    }
    let keys = &page[page.find(".SH KEYS").expect("a KEYS section")..];
    assert!(keys.contains("Quit"), "{keys}");
    assert!(keys.contains("\\fBq, Ctrl\\-c\\fR"), "{keys}");
}

#[test]
fn the_manual_follows_the_config_keymap() {
    let mut file = tempfile::NamedTempFile::new().expect("temp");
    writeln!(file, "[keys]\nquit = [\"x\"]").expect("write");
    let path = file.path().to_str().expect("path");
    let out = run_env(&[], &["--config", path, "man"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let page = String::from_utf8(out.stdout).expect("utf-8");
    let keys = &page[page.find(".SH KEYS").expect("a KEYS section")..];
    assert!(keys.contains("\\fBx\\fR\nQuit"), "{keys}");
}
