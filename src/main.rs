//! The dgmat binary: parse the command line, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = dgmat::cli::Cli::parse();
    // A panic is a bug in dgmat, never the user's fault: say so briefly instead of a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        dgmat::report::write_stderr(&format!("error: internal error in dgmat{place}; please report this as a bug\n"));
    }));
    match std::panic::catch_unwind(|| dgmat::run(&cli)) {
        Ok(Ok(exit)) => ExitCode::from(exit as u8),
        Ok(Err(err)) => {
            // A closed pipe (`dgmat ... | head`) is the reader's choice, not an error.
            let broken_pipe = err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            dgmat::report::write_stderr(&dgmat::commands::render_error(&err, cli.lang));
            ExitCode::from(2)
        }
        Err(_) => ExitCode::from(2),
    }
}
