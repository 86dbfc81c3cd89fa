package com.qleven.host.http.messaging;

import com.qleven.application.Qleven;
import com.qleven.domain.messaging.FrequencyCap;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.messaging.OptOutWords;
import com.qleven.domain.messaging.ReminderSchedule;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.messaging.in.MessagingSettingsView;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The center's messaging settings: {@code GET /v1/whatsapp/settings} (every center role) and
 * {@code PUT /v1/whatsapp/settings} (administrators), answered with an {@code ETag} of their version;
 * a PUT with a stale {@code If-Match} is a 412. Reminder offsets are ISO-8601 durations before the
 * appointment's start in whole minutes ({@code "PT24H"}, {@code "PT2H"}, {@code "P2D"}: whole days are
 * calendar days in the center's zone), at most 5, each 5 minutes to 14 days; {@code []} sends no reminders.
 * {@code optOutWords} are the center's own STOP words (at most 20, each 1 to 40 characters holding a letter
 * or digit; a reply that is only one of them withdraws WhatsApp consent like STOP) and {@code marketingCap}
 * the most marketing messages one client gets per {@code perDays}; a PUT without them sets none of the
 * center's own words and the standard cap (4 per 30 days).
 */
public final class MessagingSettingsEndpoints {
    private final Qleven qleven;

    public MessagingSettingsEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/v1/whatsapp/settings", this::get),
                new Route("PUT", "/v1/whatsapp/settings", Route.Body.JSON, this::put));
    }

    /**
     * {@code {"reminderOffsets":["PT24H","PT2H"],"sendsPerSecond":40,"contentRetentionDays":90,
     * "optOutWords":["basta"],"marketingCap":{"maxMessages":4,"perDays":30}}}: the first three required,
     * the last two optional (none of the center's own words, the standard cap).
     */
    public record SettingsBody(List<String> reminderOffsets, Integer sendsPerSecond, Integer contentRetentionDays,
                               List<String> optOutWords, Cap marketingCap) {
    }

    /** A marketing cap as typed: both members required. */
    public record Cap(Integer maxMessages, Integer perDays) {
    }

    record SettingsAnswer(List<String> reminderOffsets, int sendsPerSecond, long contentRetentionDays,
                          List<String> optOutWords, CapAnswer marketingCap, long version) {
    }

    record CapAnswer(int maxMessages, long perDays) {
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private Response get(Request request) {
        return answer(qleven.messaging().settings(principal(request)));
    }

    private Response put(Request request) {
        Principal principal = principal(request);
        SettingsBody body = request.body(SettingsBody.class);
        MessagingSettings settings = parse(body);
        return answer(qleven.messaging().saveSettings(principal, settings, request.ifMatchVersion()));
    }

    /** Every error of the body at once, each naming its field; nothing is saved when there is one. */
    static MessagingSettings parse(SettingsBody body) {
        List<FieldError> errors = new ArrayList<>();
        List<Duration> offsets = new ArrayList<>();
        if (body.reminderOffsets() == null) {
            errors.add(new FieldError("reminderOffsets", "is required (an empty list sends no reminders)"));
        } else {
            for (int i = 0; i < body.reminderOffsets().size(); i++) {
                offset(body.reminderOffsets().get(i), "reminderOffsets[" + i + "]", errors).ifPresent(offsets::add);
            }
        }
        if (body.sendsPerSecond() == null) {
            errors.add(new FieldError("sendsPerSecond", "is required"));
        }
        if (body.contentRetentionDays() == null) {
            errors.add(new FieldError("contentRetentionDays", "is required"));
        }
        ReminderSchedule schedule = null;
        if (errors.isEmpty()) {
            try {
                schedule = new ReminderSchedule(offsets);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (body.sendsPerSecond() != null && (body.sendsPerSecond() < 1
                || body.sendsPerSecond() > MessagingSettings.MAX_SENDS_PER_SECOND)) {
            errors.add(new FieldError("sendsPerSecond", "must be between 1 and " + MessagingSettings.MAX_SENDS_PER_SECOND));
        }
        if (body.contentRetentionDays() != null && (body.contentRetentionDays() < 1
                || body.contentRetentionDays() > MessagingSettings.MAX_RETENTION.toDays())) {
            errors.add(new FieldError("contentRetentionDays", "must be between 1 and "
                    + MessagingSettings.MAX_RETENTION.toDays() + " days"));
        }
        List<String> words = body.optOutWords() == null ? List.of() : body.optOutWords();
        try {
            OptOutWords.withCenterWords(words);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        FrequencyCap cap = cap(body.marketingCap(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new MessagingSettings(schedule, body.sendsPerSecond(), Duration.ofDays(body.contentRetentionDays()),
                words, cap);
    }

    private static FrequencyCap cap(Cap typed, List<FieldError> errors) {
        if (typed == null) {
            return FrequencyCap.standard();
        }
        int before = errors.size();
        if (typed.maxMessages() == null) {
            errors.add(new FieldError("marketingCap.maxMessages", "is required"));
        } else if (typed.maxMessages() < 1 || typed.maxMessages() > FrequencyCap.MAX_MESSAGES) {
            errors.add(new FieldError("marketingCap.maxMessages", "must be between 1 and " + FrequencyCap.MAX_MESSAGES));
        }
        if (typed.perDays() == null) {
            errors.add(new FieldError("marketingCap.perDays", "is required"));
        } else if (typed.perDays() < 1 || typed.perDays() > FrequencyCap.MAX_PER.toDays()) {
            errors.add(new FieldError("marketingCap.perDays", "must be between 1 and " + FrequencyCap.MAX_PER.toDays()));
        }
        return errors.size() > before ? null : new FrequencyCap(typed.maxMessages(), Duration.ofDays(typed.perDays()));
    }

    private static Optional<Duration> offset(String text, String field, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(field, "is required"));
            return Optional.empty();
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.toSeconds() % 60 != 0 || d.getNano() != 0) {
                errors.add(new FieldError(field, "must be a positive whole number of minutes, such as PT2H or PT90M"));
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 duration such as PT24H, PT2H or P1D"));
            return Optional.empty();
        }
    }

    private static Response answer(MessagingSettingsView view) {
        MessagingSettings s = view.settings();
        return Response.ok(new SettingsAnswer(s.reminders().offsets().stream().map(MessagingSettingsEndpoints::wire)
                        .toList(), s.sendsPerSecond(), s.contentRetention().toDays(), s.optOutWords(),
                        new CapAnswer(s.marketingCap().maxMessages(), s.marketingCap().per().toDays()), view.version()))
                .withHeader("ETag", "\"" + view.version() + "\"");
    }

    /** {@code PT24H}, {@code PT2H}, {@code PT1H30M}: hours and minutes, as {@link Duration#toString} writes them. */
    private static String wire(Duration d) {
        return d.toString();
    }
}
