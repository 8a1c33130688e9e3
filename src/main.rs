use clap::Parser;

fn main() -> std::process::ExitCode {
    faas_migrate::cli::run(faas_migrate::cli::Args::parse())
}
