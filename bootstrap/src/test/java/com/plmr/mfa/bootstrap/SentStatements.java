package com.plmr.mfa.bootstrap;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The statements the service sends to the database, as the driver sends them: a Connector/J query
 * interceptor, named in the test pool's URL ({@link #URL_PARAMETER}), sees every round trip that
 * carries SQL, a transaction's {@code COMMIT} and any {@code SET} included. {@link #during} records
 * what one piece of work sent, but for what the pool sends on its own: its threads opening and
 * closing connections, and its check that a connection idle for a while is still alive ({@value
 * #LIVENESS_CHECK}), which depend on the pool's state and timing, not on the work.
 */
public final class SentStatements implements QueryInterceptor {

    /** The URL parameter that puts this interceptor on every connection of a pool. */
    static final String URL_PARAMETER = "queryInterceptors=" + SentStatements.class.getName();

    static final String LIVENESS_CHECK = "SELECT 1";
    /** HikariCP's threads: {@code <pool>:connection-adder}, {@code :connection-closer}, {@code :housekeeper}. */
    private static final Pattern POOL_THREAD = Pattern.compile(".*:(connection-adder|connection-closer|housekeeper)");
    private static final List<String> SENT = new ArrayList<>();
    private static boolean recording;

    /** What {@code work} made the service send, in order; one recording at a time. */
    static synchronized List<String> during(Work work) throws Exception {
        synchronized (SENT) {
            SENT.clear();
            recording = true;
        }
        try {
            work.run();
        } finally {
            synchronized (SENT) {
                recording = false;
            }
        }
        synchronized (SENT) {
            return List.copyOf(SENT);
        }
    }

    /** A piece of work under test. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        synchronized (SENT) {
            if (recording && !POOL_THREAD.matcher(Thread.currentThread().getName()).matches()) {
                String statement = sql.get();
                if (!LIVENESS_CHECK.equals(statement)) {
                    SENT.add(statement);
                }
            }
        }
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public void destroy() {
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T result, ServerSession session) {
        return result;
    }
}
