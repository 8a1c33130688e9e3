use clap::Parser;

mod server;

fn main() -> std::process::ExitCode {
    if std::env::args_os().nth(1).is_some_and(|a| a == "server") {
        return server::run();
    }
    faas_migrate::cli::run(faas_migrate::cli::Args::parse())
}
