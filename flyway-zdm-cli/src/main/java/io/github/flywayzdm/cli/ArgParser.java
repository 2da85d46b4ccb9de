package io.github.flywayzdm.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One command's options, parsed by a table instead of reflection: a CLI call is short, and building a command model
 * by reflection (picocli) cost more CPU than linting 80 migrations. Accepts {@code --name value}, {@code --name=value},
 * {@code -o value} and {@code -ovalue}; {@code --} ends the options. Anything else that starts with {@code -} (other
 * than {@code -} itself, standard input) is a usage error, so {@code zdm lint -V2__x.sql} never silently does
 * something else.
 */
final class ArgParser {

    /** Bad usage: one line on stderr, exit 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private record Opt(String names, String label, String description, Consumer<String> setter) {
        boolean takesValue() {
            return label != null;
        }
    }

    private final String command;
    private final List<Opt> options = new ArrayList<>();
    private final Map<String, Opt> byName = new HashMap<>();

    ArgParser(String command) {
        this.command = command;
    }

    String command() {
        return command;
    }

    /** {@code names} like {@code "-o, --output"}. */
    ArgParser flag(String names, String description, Runnable action) {
        return add(new Opt(names, null, description, v -> action.run()));
    }

    ArgParser value(String names, String label, String description, Consumer<String> setter) {
        return add(new Opt(names, label, description, setter));
    }

    /** A repeatable {@code KEY=VALUE} option. */
    ArgParser pair(String names, String label, String description, java.util.function.BiConsumer<String, String> setter) {
        return value(names, label, description, v -> {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("Value for option '" + first(names) + "' must be " + label + ", got '" + v + "'");
            }
            setter.accept(v.substring(0, eq), v.substring(eq + 1));
        });
    }

    private ArgParser add(Opt opt) {
        options.add(opt);
        for (String name : opt.names().split(",\\s*")) {
            byName.put(name, opt);
        }
        return this;
    }

    /** Applies the options in {@code args} from index {@code from}; returns the positional arguments. */
    List<String> parse(String[] args, int from) {
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg;
            String value = null;
            Opt opt = byName.get(arg);
            if (opt == null && arg.startsWith("--") && arg.indexOf('=') > 2) {
                name = arg.substring(0, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
                opt = byName.get(name);
            } else if (opt == null && !arg.startsWith("--") && arg.length() > 2) {
                name = arg.substring(0, 2);
                opt = byName.get(name);
                value = opt != null && opt.takesValue() ? arg.substring(arg.charAt(2) == '=' ? 3 : 2) : null;
                if (opt != null && !opt.takesValue()) {
                    opt = null; // no clustering of flags: -V2__x.sql is not -V
                    name = arg;
                }
            }
            if (opt == null) {
                throw new UsageException("Unknown option: '" + arg + "' (see 'zdm " + command + " --help'"
                        + (arg.length() > 2 ? "; a file named like an option is ./" + arg : "") + ")");
            }
            if (!opt.takesValue()) {
                if (value != null) {
                    throw new UsageException("Option '" + name + "' takes no value, got '" + value + "'");
                }
                opt.setter().accept(null);
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("Missing value for option '" + name + "' (" + opt.label() + ")");
                }
                value = args[++i];
            }
            opt.setter().accept(value);
        }
        return positional;
    }

    /** The option list of {@code --help}. */
    String optionHelp() {
        List<String> heads = new ArrayList<>();
        int width = 0;
        for (Opt o : options) {
            String head = (o.names().startsWith("--") ? "    " : "") + o.names() + (o.takesValue() ? "=" + o.label() : "");
            heads.add(head);
            width = Math.max(width, head.length());
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            b.append("  ").append(heads.get(i)).append(" ".repeat(width - heads.get(i).length() + 2))
                    .append(options.get(i).description()).append('\n');
        }
        return b.toString();
    }

    static String first(String names) {
        String[] all = names.split(",\\s*");
        return all[all.length - 1];
    }

    static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("Invalid value for option '" + option + "': '" + value + "' is not a whole number");
        }
    }

    static long number(String option, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("Invalid value for option '" + option + "': '" + value + "' is not a whole number");
        }
    }
}
