package com.qleven.host.cli;

import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.PasswordPolicy;
import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.host.HostComponent;
import com.qleven.host.config.ConfigException;
import com.qleven.ports.tenancy.in.CreateOperator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Creates a platform operator. The password never travels as an argument, where other users could
 * read it in the process list and the shell would keep it in its history.
 */
@Command(name = "create-operator", mixinStandardHelpOptions = true,
        description = "Create a platform operator (staff of the platform, in no center) and print its id. "
                + "The password is read from --password-file, or else from standard input.")
public final class CreateOperatorCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CreateOperatorCommand.class);
    private static final Map<String, String> OPTION_OF = Map.of(
            "fullName", "--full-name", "email", "--email", "phone", "--phone", "password", "password");
    private final Cli cli;

    @Option(names = "--email", required = true, description = "The operator's email, used to sign in.")
    String email;

    @Option(names = "--full-name", required = true, description = "The operator's full name.")
    String fullName;

    @Option(names = "--phone", description = "An international phone number in E.164 form, such as +34600111222.")
    String phone;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file holding the password (a trailing newline is ignored).")
    Path passwordFile;

    public CreateOperatorCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Optional<String> password = password();
        if (password.isEmpty()) {
            return ExitCodes.CONFIG;
        }
        List<FieldError> errors = new ArrayList<>();
        PersonDetails person = null;
        try {
            person = PersonDetails.parse(fullName, email, phone);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        try {
            PasswordPolicy.check("password", password.get());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> cli.err().println("qleven: " + OPTION_OF.getOrDefault(e.field(), e.field()) + ": "
                    + e.message()));
            return ExitCodes.CONFIG;
        }
        CreateOperator.CreateOperatorCommand command = new CreateOperator.CreateOperatorCommand(person, password.get());
        HostComponent component = null;
        try {
            component = cli.component();
            UserId id = component.qleven().tenancy().createOperator(command);
            cli.out().println(id);
            return ExitCodes.OK;
        } catch (ConfigException e) {
            cli.err().println("qleven: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (ConflictException e) {
            cli.err().println("qleven: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (RuntimeException e) {
            LOG.error("could not create the operator", e);
            cli.err().println("qleven: could not create the operator: " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            if (component != null) {
                component.resources().close();
            }
        }
    }

    private Optional<String> password() {
        try {
            if (passwordFile != null) {
                return Optional.of(withoutNewline(Files.readString(passwordFile, StandardCharsets.UTF_8)));
            }
            if (cli.console() && System.console() != null) {
                char[] typed = System.console().readPassword("Password for %s: ", email);
                if (typed == null) {
                    cli.err().println("qleven: no password given");
                    return Optional.empty();
                }
                return Optional.of(new String(typed));
            }
            String line = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                cli.err().println("qleven: no password on standard input; use --password-file FILE or pipe it in");
                return Optional.empty();
            }
            return Optional.of(withoutNewline(line));
        } catch (IOException e) {
            cli.err().println("qleven: cannot read the password: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String withoutNewline(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
