package io.onlineuser.agent.log;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Writes {@code [onlineuser] LEVEL message} lines to standard error, one write per line so lines
 * from several threads never interleave. Stack traces only at debug level: the host's operators
 * want one readable line per problem, not a trace in their console.
 */
final class AgentLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    AgentLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return LogLevel.enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return LogLevel.enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return LogLevel.enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return LogLevel.enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return LogLevel.enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        StringBuilder line = new StringBuilder(128).append("[onlineuser] ").append(level).append(' ')
                .append(MessageFormatter.basicArrayFormat(pattern, arguments));
        if (throwable != null) {
            line.append(": ").append(throwable);
            if (LogLevel.enabled(Level.DEBUG)) {
                StringWriter trace = new StringWriter();
                throwable.printStackTrace(new PrintWriter(trace));
                line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
            }
        }
        PrintStream err = System.err;
        err.println(line);
    }
}
