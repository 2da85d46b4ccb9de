package io.github.flywayzdm.spring;

import io.github.flywayzdm.callbacks.ZdmCallback;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /actuator/zdm}: every backfill recorded in the application's database (with flyway-zdm-backfill on the class
 * path) and this instance's last migrate run. Plain maps of strings and numbers, so Boot 3.5's Jackson 2 and Boot
 * 4.0's Jackson 3 write the same JSON.
 */
@Endpoint(id = "zdm")
public class ZdmEndpoint {

    static final String BACKFILL_CLASS = "io.github.flywayzdm.backfill.BackfillJobs";

    private final ApplicationContext context;
    private final String checkpointSchema;

    public ZdmEndpoint(ApplicationContext context, String checkpointSchema) {
        this.context = context;
        this.checkpointSchema = checkpointSchema;
    }

    @ReadOperation
    public Map<String, Object> zdm() {
        Map<String, Object> body = new LinkedHashMap<>();
        DataSource dataSource = context.getBeanProvider(DataSource.class).getIfUnique();
        if (!ClassUtils.isPresent(BACKFILL_CLASS, getClass().getClassLoader())) {
            body.put("backfills", List.of());
            body.put("backfillsNote", "flyway-zdm-backfill is not on the class path");
        } else if (dataSource == null) {
            body.put("backfills", List.of());
            body.put("backfillsNote", "no single DataSource bean");
        } else {
            BackfillRows.into(body, dataSource, checkpointSchema);
        }
        body.put("lastMigrate", lastMigrate());
        return body;
    }

    private Map<String, Object> lastMigrate() {
        if (!context.containsBean("zdmCallback")) {
            return null;
        }
        ZdmCallback guard = ZdmCallbackBean.guard(context.getBean("zdmCallback", Callback.class));
        if (guard == null) {
            return null;
        }
        return guard.lastRun().map(run -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", run.id());
            m.put("started", run.started().toString());
            m.put("outcome", run.outcome());
            m.put("error", run.error());
            m.put("migrations", run.migrations());
            return m;
        }).orElse(null);
    }
}
