//! The `pith` command: parse the arguments, run the batch, map the outcome to an exit status.
//!
//! Exit status: 0 when every input was cleaned, 1 when some gave error records, 2 for a usage
//! error or a fatal one (an output file that cannot be written). A closed standard output
//! (`pith ... | head`) ends the run quietly with 0.
#![deny(missing_docs)]

mod args;
mod batch;
mod inputs;
mod output;
mod record;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::args::{Args, Command};

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(args) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pith: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(mut args: Args) -> anyhow::Result<ExitCode> {
    if let Some(command) = &args.command {
        let mut out = io::stdout().lock();
        match command {
            Command::Completions { shell } => {
                clap_complete::generate(*shell, &mut Args::command(), "pith", &mut out);
            }
            Command::Man => clap_mangen::Man::new(Args::command()).render(&mut out)?,
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.inputs.is_empty() && args.records.is_empty() {
        if io::stdin().is_terminal() {
            let _ = Args::command().print_help();
            eprintln!(
                "\npith: no input given (name files or directories, or `-` for standard input)"
            );
            return Ok(ExitCode::from(2));
        }
        args.inputs.push("-".into());
    }
    let inputs = inputs::expand(&args.inputs, &args.records)?;
    let summary = batch::run(&args, inputs)?;
    Ok(if summary.error_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether the error comes from writing to a closed pipe.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == io::ErrorKind::BrokenPipe)
    })
}
