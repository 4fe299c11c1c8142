package org.newsflow.ingest.publisher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsflow.contract.FieldViolation;
import org.newsflow.ingest.problem.ProblemException;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Registers publishers and manages their credentials. Secrets are returned once, at creation. */
@ApplicationScoped
public class PublisherAdmin {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final SigningSecrets signingSecrets;

    PublisherAdmin(SigningSecrets signingSecrets) {
        this.signingSecrets = signingSecrets;
    }

    /** A registration request; {@code signed: true} gives the publisher a signing secret. */
    public record NewPublisher(String id, String name, Boolean signed) {
    }

    /** Credentials, shown once. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Credentials(String publisherId, String apiKey, Long apiKeyId, String signingSecret) {
    }

    public record KeyView(long id, String prefix, Instant createdAt, Instant revokedAt) {
    }

    public record PublisherView(String id, String name, String status, boolean signed, Instant createdAt,
            Instant revokedAt, List<KeyView> keys) {
    }

    @Transactional
    public Credentials register(NewPublisher request) {
        List<FieldViolation> errors = new ArrayList<>();
        if (request == null) {
            throw invalid(List.of(new FieldViolation("", "required", "a JSON object with id and name is required")));
        }
        if (request.id() == null || !ID.matcher(request.id()).matches()) {
            errors.add(new FieldViolation("/id", "publisher-id",
                    "id must be 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit"));
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.add(new FieldViolation("/name", "required", "name must be 1-200 characters"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (Publisher.findById(request.id()) != null) {
            throw new ProblemException(409, "publisher-exists", "The publisher exists",
                    "publisher " + request.id() + " is already registered", List.of(new FieldViolation("/id", "unique",
                            "publisher ids are unique")));
        }
        Publisher publisher = new Publisher();
        publisher.id = request.id();
        publisher.name = request.name().strip();
        publisher.status = Publisher.ACTIVE;
        publisher.createdAt = Instant.now();
        String signingSecret = Boolean.TRUE.equals(request.signed()) ? signingSecrets.newSecretFor(publisher) : null;
        publisher.persist();
        Credentials key = newKey(publisher.id);
        return new Credentials(publisher.id, key.apiKey(), key.apiKeyId(), signingSecret);
    }

    @Transactional
    public List<PublisherView> list() {
        return Publisher.<Publisher> listAll().stream().map(PublisherAdmin::view).toList();
    }

    @Transactional
    public PublisherView get(String id) {
        return view(find(id));
    }

    /** A new key; with {@code revokeOthers} the publisher's other keys stop working (rotation). */
    @Transactional
    public Credentials addKey(String publisherId, boolean revokeOthers) {
        find(publisherId);
        if (revokeOthers) {
            ApiKey.update("revokedAt = ?1 where publisherId = ?2 and revokedAt is null", Instant.now(), publisherId);
        }
        return newKey(publisherId);
    }

    @Transactional
    public void revokeKey(String publisherId, long keyId) {
        ApiKey key = ApiKey.<ApiKey> findByIdOptional(keyId).filter(k -> k.publisherId.equals(publisherId))
                .orElseThrow(() -> ProblemException.notFound("API key " + keyId + " of publisher " + publisherId));
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
        }
    }

    @Transactional
    public Credentials newSigningSecret(String publisherId) {
        return new Credentials(publisherId, null, null, signingSecrets.newSecretFor(find(publisherId)));
    }

    @Transactional
    public void removeSigningSecret(String publisherId) {
        find(publisherId).signingSecret = null;
    }

    @Transactional
    public PublisherView revoke(String publisherId) {
        Publisher publisher = find(publisherId);
        if (publisher.isActive()) {
            publisher.status = Publisher.REVOKED;
            publisher.revokedAt = Instant.now();
        }
        return view(publisher);
    }

    private static ProblemException invalid(List<FieldViolation> errors) {
        return new ProblemException(400, "invalid-publisher", "The publisher is not valid",
                errors.size() + " field(s) are not valid; see errors.", errors);
    }

    private static Credentials newKey(String publisherId) {
        ApiKeys.NewKey generated = ApiKeys.generate();
        ApiKey key = new ApiKey();
        key.publisherId = publisherId;
        key.lookup = generated.lookup();
        key.secretHash = generated.hash();
        key.createdAt = Instant.now();
        key.persist();
        return new Credentials(publisherId, generated.key(), key.id, null);
    }

    private static Publisher find(String id) {
        Publisher publisher = Publisher.findById(id);
        if (publisher == null) {
            throw ProblemException.notFound("Publisher " + id);
        }
        return publisher;
    }

    private static PublisherView view(Publisher publisher) {
        List<KeyView> keys = ApiKey.ofPublisher(publisher.id).stream()
                .map(k -> new KeyView(k.id, "nfk_" + k.lookup, k.createdAt, k.revokedAt)).toList();
        return new PublisherView(publisher.id, publisher.name, publisher.status, publisher.signingSecret != null,
                publisher.createdAt, publisher.revokedAt, keys);
    }
}
