package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

/**
 * Runs a persistence adapter's call that comes outside any transaction in a transaction of its own
 * ({@link JdbcTransactionAdapter}: committed, retried once after a deadlock). The pool's connections
 * are in manual-commit mode, which saves every transaction its {@code SET autocommit} before and
 * after (ADR 0003); without this, a statement outside a transaction would be rolled back when its
 * connection returned to the pool, and a write there lost without a word. A call inside a use
 * case's transaction joins it, as before. Ordered inside {@link UnavailableStoreInterceptor}, so a
 * failed commit is reported like any other failure to reach the database.
 */
@Singleton
@InterceptorBean(ReportsUnavailableStore.class)
class OwnTransactionInterceptor implements MethodInterceptor<Object, Object> {

    private final BeanProvider<JdbcTransactionAdapter> transactions;

    OwnTransactionInterceptor(BeanProvider<JdbcTransactionAdapter> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (context.getTarget() instanceof JdbcTransactionAdapter) {
            return context.proceed();
        }
        return transactions.get().inTransaction(context::proceed);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
