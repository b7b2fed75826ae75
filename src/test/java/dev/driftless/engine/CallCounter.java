package dev.driftless.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records each AWS operation a client calls (once per call, retries not counted), in order. */
final class CallCounter implements ExecutionInterceptor {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    List<String> since(int mark) {
        synchronized (calls) {
            return List.copyOf(calls.subList(mark, calls.size()));
        }
    }

    int mark() {
        return calls.size();
    }

    long count(List<String> calls, String operation) {
        return calls.stream().filter(operation::equals).count();
    }
}
