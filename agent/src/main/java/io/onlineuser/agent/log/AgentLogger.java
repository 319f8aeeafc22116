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
 *
 * <p>The libraries embedded in the agent (its relocated Netty, for one) log through here as well. What
 * they warn of is not something the host's operator can act on (a machine without a usable hardware
 * address, say), so their info and warn lines are written at debug level; their errors stay errors.
 */
final class AgentLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;
    private static final String OWN_PACKAGES = "io.onlineuser.";
    private static final String EMBEDDED_PACKAGES = "io.onlineuser.agent.shaded.";

    private final boolean embedded;

    AgentLogger(String name) {
        this.name = name;
        this.embedded = !name.startsWith(OWN_PACKAGES) || name.startsWith(EMBEDDED_PACKAGES);
    }

    /** The level a call at {@code level} is written at: an embedded library's info and warn become debug. */
    private Level written(Level level) {
        return embedded && (level == Level.INFO || level == Level.WARN) ? Level.DEBUG : level;
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
        return LogLevel.enabled(written(Level.INFO));
    }

    @Override
    public boolean isWarnEnabled() {
        return LogLevel.enabled(written(Level.WARN));
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
        Level shown = written(level);
        if (!LogLevel.enabled(shown)) {
            return;
        }
        StringBuilder line = new StringBuilder(128).append("[onlineuser] ").append(shown).append(' ')
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
