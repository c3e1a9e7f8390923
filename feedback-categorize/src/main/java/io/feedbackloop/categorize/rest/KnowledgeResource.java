package io.feedbackloop.categorize.rest;

import java.util.List;

import io.feedbackloop.categorize.api.KnowledgeViews;
import io.feedbackloop.categorize.mapping.KnowledgeMapper;
import io.feedbackloop.categorize.model.KnowledgeVersion;
import io.feedbackloop.categorize.service.CategorizerRegistry;
import io.feedbackloop.categorize.service.KnowledgeService;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The taxonomy and lexicons as data. Every edit creates a new version, in force at once on this
 * replica and within the refresh interval on the others; stored feedback keeps its categorization
 * until a recategorization replays it.
 *
 * <p>Every person may read it (the console shows theme labels on cases, leads route by theme).
 * Analysts and admins edit it: analysts tune the taxonomy from the errors they correct, and an edit
 * is versioned with its author and undone by publishing an older document again; it changes only
 * new feedback until an admin replays history.
 */
@Path("/api/v1/knowledge")
@Tag(name = "Knowledge (taxonomy and lexicons)")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeResource {

    private static final String THEME_EXAMPLE = """
            {"label": {"en": "Pick-up point", "ru": "Пункт выдачи"},
             "terms": {"en": ["pick-up point", "pickup point", "parcel locker"], "ru": ["пункт* выдачи", "пвз", "постамат*"]},
             "changedBy": "olga@ops.example", "comment": "customers write about pick-up points a lot"}""";

    @Inject
    KnowledgeService knowledge;

    @Inject
    CategorizerRegistry registry;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The taxonomy and lexicons in force, with their version")
    public KnowledgeViews.Version current() {
        return KnowledgeMapper.toView(knowledge.current(), true);
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Every version, newest first (without documents)")
    public List<KnowledgeViews.Version> versions() {
        return knowledge.versions().stream().map(version -> KnowledgeMapper.toView(version, false)).toList();
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "One version with its document")
    public KnowledgeViews.Version version(@PathParam("version") String version) {
        try {
            return KnowledgeMapper.toView(knowledge.version(Integer.parseInt(version)), true);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("version", "integer",
                    "must be a version number"))));
        }
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the whole document (a new version)",
            description = "Give basedOnVersion to be told (409) when someone else changed it since you read it. "
                    + "Publishing an older version's document again undoes later edits.")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "400", description = "The document breaks a rule; each violation names its path")
    @APIResponse(responseCode = "409", description = "Based on an older version")
    public KnowledgeViews.Version replace(@Valid @NotNull KnowledgeViews.Replace edit) {
        return refreshed(knowledge.replace(edit.document(), KnowledgeMapper.toEdit(edit, author())));
    }

    @PUT
    @Path("/themes/{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add or change one theme, e.g. delivery/pickup-point (a new version)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "new leaf", value = THEME_EXAMPLE)))
    public KnowledgeViews.Version putTheme(@PathParam("path") String path, @Valid @NotNull KnowledgeViews.ThemeEdit edit) {
        return refreshed(knowledge.putTheme(path, edit.label(), edit.terms(), edit.children(),
                KnowledgeMapper.toEdit(edit, author())));
    }

    @DELETE
    @Path("/themes/{path: .+}")
    @Operation(summary = "Remove a theme and its children (a new version)")
    public KnowledgeViews.Version deleteTheme(@PathParam("path") String path) {
        return refreshed(knowledge.deleteTheme(path, author()));
    }

    @PUT
    @Path("/lexicons/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace one lexicon's terms (a new version)",
            description = "Lexicons: positive, strong-positive, negative, strong-negative, negators, intensifiers, "
                    + "contrast, question, idea, problem, churn, legal, safety. Terms per language en, ru or any; "
                    + "a word ending in * matches by stem prefix.")
    public KnowledgeViews.Version putLexicon(@PathParam("name") String name, @Valid @NotNull KnowledgeViews.LexiconEdit edit) {
        return refreshed(knowledge.putLexicon(name, edit.terms(), KnowledgeMapper.toEdit(edit, author())));
    }

    private KnowledgeViews.Version refreshed(KnowledgeVersion version) {
        registry.refresh();   // the edit committed: in force on this replica from the next feedback on
        return KnowledgeMapper.toView(version, true);
    }

    /** The signed-in person, recorded as the author whatever the body says. */
    private String author() {
        return identity.getPrincipal().getName();
    }
}
