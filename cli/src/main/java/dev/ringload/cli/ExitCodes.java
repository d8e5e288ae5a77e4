package dev.ringload.cli;

/** ringload's exit codes, shared by every command and listed in --help and the README. */
final class ExitCodes {

    static final int OK = 0;
    /** Something failed at run time: could not listen, I/O error. */
    static final int FAILURE = 1;
    /** Invalid command line, option value, URL or address. */
    static final int USAGE = 2;
    /** No connection to the target ever succeeded. */
    static final int UNREACHABLE = 3;
    /** io_uring unusable here (the message gives the probe's reason). */
    static final int NO_IO_URING = 4;
    /** The results did not meet what was asked of them: find-max found no rate that met the SLOs (k6's code). */
    static final int NOT_MET = 99;
    /** Stopped by Ctrl-C or SIGTERM; partial results were printed. */
    static final int INTERRUPTED = 130;
    /** serve: stopped by SIGTERM (the JVM's exit status after its shutdown hooks ran: 128 + 15). */
    static final int TERMINATED = 143;


    private ExitCodes() {
    }
}
