package io.feedbackloop.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the console, in English here and in Russian in {@code messages/msg_ru.properties};
 * templates read them as {@code msg:key}. A key missing from the Russian file fails the build.
 */
@MessageBundle
public interface Msg {

    @Message("Feedback loop")
    String product();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Main")
    String nav_label();

    @Message("Inbox")
    String nav_inbox();

    @Message("Feedback")
    String nav_feedback();

    @Message("Dashboard")
    String nav_dashboard();

    @Message("Improvements")
    String nav_improvements();

    @Message("Settings")
    String nav_settings();

    @Message("Language")
    String language();

    @Message("Apply")
    String apply();

    @Message("Sign in")
    String sign_in();

    @Message("Sign out")
    String sign_out();

    @Message("Email")
    String email();

    @Message("Password")
    String password();

    @Message("Wrong email or password.")
    String sign_in_failed();

    @Message("Too many attempts. Wait a few minutes and try again.")
    String sign_in_throttled();

    @Message("Times in")
    String times_in();

    @Message("Back to the inbox")
    String back_to_inbox();

    @Message("Not allowed")
    String forbidden_title();

    @Message("Your role does not allow this.")
    String forbidden_text();

    @Message("Not found")
    String not_found_title();

    @Message("There is nothing here, or it belongs to another team.")
    String not_found_text();

    @Message("Not accepted")
    String bad_request_title();

    @Message("Some values were not accepted.")
    String bad_request_text();

    @Message("Temporarily unavailable")
    String unavailable_title();

    @Message("A service did not answer. Try again in a few seconds.")
    String unavailable_text();

    @Message("Form expired")
    String form_expired_title();

    @Message("This form was not sent from this page. Reload the page and try again.")
    String form_expired_text();

    @Message("Someone changed this case meanwhile. The page shows it as it is now; check and try again.")
    String changed_meanwhile();

    @Message("Cases of my teams")
    String inbox_title();

    @Message("Filters")
    String filters();

    @Message("Status")
    String status();

    @Message("{#when s}{#is 'open'}Open{#is 'in_progress'}In progress{#is 'waiting_customer'}Waiting for customer{#is 'closed'}Closed{#else}{s}{/when}")
    String status_label(String s);

    @Message("Priority")
    String priority();

    @Message("{#when p}{#is 'critical'}Critical{#is 'high'}High{#is 'normal'}Normal{#is 'low'}Low{#else}{p}{/when}")
    String priority_label(String p);

    @Message("Team")
    String team();

    @Message("All my teams")
    String all_my_teams();

    @Message("Assignee")
    String assignee();

    @Message("Anyone")
    String anyone();

    @Message("Me")
    String me();

    @Message("Unassigned")
    String unassigned();

    @Message("SLA")
    String sla();

    @Message("Any")
    String any();

    @Message("Overdue")
    String overdue();

    @Message("In time")
    String in_time();

    @Message("Channel")
    String channel();

    @Message("Theme")
    String theme();

    @Message("Themes")
    String themes();

    @Message("Sort")
    String sort();

    @Message("Due first")
    String sort_due();

    @Message("Priority")
    String sort_priority();

    @Message("Newest")
    String sort_opened();

    @Message("Customer's words")
    String customer_words();

    @Message("Opened")
    String opened();

    @Message("No cases match.")
    String no_cases();

    @Message("Pages")
    String pages();

    @Message("First page")
    String first_page();

    @Message("Next page")
    String next_page();

    @Message("Case")
    String case_title();

    @Message("Reason")
    String reason();

    @Message("Touchpoint")
    String touchpoint();

    @Message("Journey stage")
    String journey_stage();

    @Message("Customer")
    String customer();

    @Message("Understanding")
    String categorization();

    @Message("Sentiment")
    String sentiment();

    @Message("({percent} % sure)")
    String confidence(long percent);

    @Message("Type")
    String type();

    @Message("Urgency")
    String urgency();

    @Message("Corrected")
    String corrected();

    @Message("Correct the understanding")
    String correct_categorization();

    @Message("unchanged")
    String unchanged();

    @Message("Note")
    String note();

    @Message("Save correction")
    String save_correction();

    @Message("The case")
    String the_case();

    @Message("First response")
    String first_response();

    @Message("Resolution")
    String resolution();

    @Message("Escalation level")
    String escalation();

    @Message("Resolution")
    String resolution_code();

    @Message("What the customer is told")
    String resolution_text();

    @Message("{#when code}{#is 'fixed'}Fixed{#is 'refunded'}Refunded{#is 'replaced'}Replaced{#is 'explained'}Explained{#is 'no-action-needed'}No action needed{#is 'duplicate'}Duplicate{#is 'cannot-reproduce'}Cannot reproduce{#is 'other'}Other{#else}{code}{/when}")
    String resolution_label(String code);

    @Message("Root cause")
    String root_cause();

    @Message("Assign to")
    String assign_to();

    @Message("Assign")
    String assign();

    @Message("Set status")
    String set_status();

    @Message("Write")
    String write();

    @Message("Reply to the customer")
    String reply_to_customer();

    @Message("Internal note")
    String internal_note();

    @Message("Text")
    String text();

    @Message("Preview")
    String preview();

    @Message("Send")
    String send();

    @Message("As the customer gets it: {locale}, {channel}")
    String preview_as(String locale, String channel);

    @Message("contact not known yet")
    String contact_unknown();

    @Message("Close the case")
    String close_case();

    @Message("Reopen")
    String reopen();

    @Message("Why reopen")
    String reopen_reason();

    @Message("The loop")
    String timeline();

    @Message("{#when kind}{#is 'note'}Internal note{#is 'reply'}Reply to the customer{#is 'message'}Message: {label}{#else}{#when label}{#is 'received'}Received{#is 'categorized'}Categorized{#is 'action_opened'}Case opened{#is 'followed_up'}Followed up{#is 'action_resolved'}Case resolved{#else}{label}{/when}{/when}")
    String timeline_label(String kind, String label);

    @Message("Audit trail")
    String audit_trail();

    @Message("When")
    String when();

    @Message("Who")
    String who();

    @Message("What")
    String what();

    @Message("Details")
    String details();

    @Message("Assigned.")
    String done_assigned();

    @Message("Reply sent to the customer.")
    String done_replied();

    @Message("Note added.")
    String done_noted();

    @Message("Status changed.")
    String done_status();

    @Message("Case closed.")
    String done_closed();

    @Message("Case reopened.")
    String done_reopened();

    @Message("Correction saved.")
    String done_corrected();

    @Message("How customers feel, and how well we close the loop")
    String dashboard_title();

    @Message("Period")
    String period();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Segment")
    String segment();

    @Message("By")
    String by();

    @Message("{#when d}{#is 'channel'}channel{#is 'touchpoint'}touchpoint{#is 'journeyStage'}journey stage{#is 'segment'}segment{#else}{d}{/when}")
    String dimension(String d);

    @Message("Step")
    String bucket();

    @Message("{#when b}{#is 'day'}day{#is 'week'}week{#is 'month'}month{#else}{b}{/when}")
    String bucket_label(String b);

    @Message("Export CSV")
    String export_csv();

    @Message("{n} answers")
    String answers(long n);

    @Message("Responses")
    String responses();

    @Message("{metric} over time with its 95 % confidence band")
    String chart_label(String metric);

    @Message("No data for this period.")
    String no_data();

    @Message("Top themes by volume")
    String top_themes_volume();

    @Message("Top themes by NPS impact")
    String top_themes_impact();

    @Message("Detractors")
    String detractors();

    @Message("NPS points lost")
    String nps_impact();

    @Message("Your role sees the loop figures of your teams; scores (NPS, CSAT, CES) are for leads and analysts.")
    String scores_not_for_role();

    @Message("Closing the loop")
    String loop_metrics();

    @Message("Closed-loop rate")
    String closed_loop_rate();

    @Message("Median time to first response")
    String median_first_response();

    @Message("Median time to close")
    String median_close();

    @Message("First response within SLA")
    String sla_met_first();

    @Message("Resolution within SLA")
    String sla_met_resolution();

    @Message("Cases opened / closed")
    String cases_opened_closed();

    @Message("What customers said")
    String feedback_title();

    @Message("Words")
    String words();

    @Message("Score class")
    String score_class();

    @Message("Search")
    String search();

    @Message("Open the case")
    String open_case();

    @Message("Nothing found.")
    String nothing_found();

    @Message("No case was opened for this feedback.")
    String no_case_for_feedback();

    @Message("Settings")
    String settings_title();

    @Message("{#when t}{#is 'teams'}Teams{#is 'rules'}Rules{#is 'sla'}SLA policies{#is 'taxonomy'}Taxonomy{#is 'channels'}Channel keys{#is 'templates'}Message templates{#is 'erasure'}Erasure{#else}{t}{/when}")
    String settings_tab(String t);

    @Message("Actions")
    String row_actions();

    @Message("Yes")
    String flag_yes();

    @Message("No")
    String flag_no();

    @Message("Save")
    String save_changes();

    @Message("Cancel")
    String cancel_edit();

    @Message("Delete…")
    String delete_item();

    @Message("Several values: separate them with commas.")
    String comma_separated();

    @Message("Takes unrouted cases")
    String fallback_team();

    @Message("Time zone")
    String time_zone();

    @Message("Members are shown to the team's own people, analysts and administrators.")
    String members_not_shown();

    @Message("Members of {team}")
    String members_of(String team);

    @Message("Role")
    String member_role();

    @Message("{#when r}{#is 'agent'}Agent{#is 'lead'}Lead{#is 'analyst'}Analyst{#is 'admin'}Administrator{#else}{r}{/when}")
    String role_label(String r);

    @Message("Active")
    String member_active();

    @Message("Deactivated")
    String deactivated();

    @Message("Deactivate")
    String deactivate_member();

    @Message("No members yet.")
    String no_members();

    @Message("No teams yet.")
    String no_teams();

    @Message("Add a member")
    String add_member();

    @Message("Without a password of its own the member gets a generated one: it is shown once, on the next page.")
    String password_shown_once();

    @Message("{email} was added.")
    String done_member_added(String email);

    @Message("{email} was added. Their password, shown only now: {password}")
    String done_member_added_password(String email, String password);

    @Message("{email} was deactivated: no more sign-in.")
    String done_member_deactivated(String email);

    @Message("Which feedback opens a case. Tried from the top; the first enabled rule that matches opens the case and may set its priority.")
    String case_rules_help();

    @Message("Which team owns a new case. Tried from the top; the first enabled rule that matches wins. A team's leads change the rules routing to it.")
    String routing_rules_help();

    @Message("A case no rule matches goes to the team that takes unrouted cases.")
    String routing_fallback_help();

    @Message("Position")
    String rule_position();

    @Message("Rules are tried in ascending position. Empty: after the last rule (new) or unchanged.")
    String position_help();

    @Message("Lower-case letters, digits and dashes, e.g. vip-detractors.")
    String rule_name_help();

    @Message("Enabled")
    String rule_enabled();

    @Message("Conditions")
    String conditions();

    @Message("Every condition given must hold; of a list, any value will do. Leave a condition empty to ignore it; a rule needs at least one.")
    String conditions_help();

    @Message("{#when k}{#is 'scoreClasses'}Score class{#is 'npsMax'}NPS at most{#is 'csatMax'}CSAT at most{#is 'cesMax'}CES at most{#is 'sentiments'}Sentiment{#is 'types'}Type{#is 'themes'}Themes{#is 'urgency'}Urgency{#is 'channels'}Channels{#is 'segments'}Customer segments{#is 'languages'}Language{#is 'priorities'}Priority{#else}{k}{/when}")
    String condition_label(String k);

    @Message("Taxonomy paths separated by commas; a group (billing) also matches its themes (billing/refund).")
    String themes_help();

    @Message("Case priority")
    String case_priority();

    @Message("As categorized, at least normal")
    String priority_from_categorization();

    @Message("Team that owns the case")
    String target_team();

    @Message("Optional: an active member of that team who gets the cases.")
    String routing_assignee_help();

    @Message("Delete the rule {name}")
    String delete_rule_named(String name);

    @Message("No rules.")
    String no_rules();

    @Message("Time to first response and to resolution per case priority, for cases opened from now on.")
    String sla_help();

    @Message("First response, minutes")
    String first_response_minutes();

    @Message("Resolution, minutes")
    String resolution_minutes();

    @Message("In business hours")
    String business_hours();

    @Message("SLA policy saved: it applies to cases opened from now on.")
    String done_sla_saved();

    @Message("Version {v}")
    String knowledge_version(Integer v);

    @Message("The taxonomy and lexicons the categorizer works from. An edit changes new feedback only, until a replay categorizes stored feedback again.")
    String knowledge_help();

    @Message("Words")
    String theme_terms();

    @Message("Lexicons")
    String lexicons();

    @Message("Lexicon")
    String lexicon_name();

    @Message("Versions")
    String versions();

    @Message("Version")
    String version_number();

    @Message("Comment")
    String version_comment();

    @Message("in force")
    String in_force();

    @Message("Replays")
    String replays();

    @Message("A replay categorizes stored feedback again with the knowledge and model in force; each change relabels cases and cannot be undone. A dry run only reports what would change.")
    String replay_help();

    @Message("Dry run")
    String dry_run();

    @Message("only report what would change")
    String dry_run_only_report();

    @Message("Analysts start dry runs; an administrator starts the replay itself.")
    String dry_run_for_analysts();

    @Message("Start")
    String start_replay();

    @Message("Replay")
    String replay_real();

    @Message("Progress")
    String replay_progress();

    @Message("Changed")
    String replay_changed();

    @Message("Report")
    String replay_report();

    @Message("No replays yet.")
    String no_replays();

    @Message("Each support channel posts feedback with its own API keys. A new key is shown once; only its hash is kept.")
    String channel_keys_help();

    @Message("Issue a key")
    String issue_key();

    @Message("Key")
    String key_prefix();

    @Message("Revoked")
    String key_revoked();

    @Message("Revoke…")
    String revoke_key();

    @Message("Revoke the key {prefix}…: it stops working at once")
    String revoke_key_named(String prefix);

    @Message("No keys.")
    String no_keys();

    @Message("New {channel} key, shown only now, copy it: {key}")
    String done_key_issued(String channel, String key);

    @Message("Key {prefix}… revoked.")
    String done_key_revoked(String prefix);

    @Message("The messages customers get, the event that sends each one, and the languages it is written in.")
    String templates_help();

    @Message("Message")
    String message_kind();

    @Message("Sent on")
    String trigger_event();

    @Message("Channels")
    String template_channels();

    @Message("Languages")
    String template_languages();

    @Message("With the notifier's sample content (a sample customer, case and text).")
    String preview_sample_help();

    @Message("Erasing a customer removes their contact data in every service, and what they wrote unless you keep it. Every service confirms its part.")
    String erasure_help();

    @Message("Erase a customer")
    String erase_customer();

    @Message("Customer id")
    String customer_id();

    @Message("Also erase what they wrote")
    String erase_text_too();

    @Message("Continue")
    String continue_step();

    @Message("Follow an erasure")
    String follow_erasure();

    @Message("Erasure id")
    String erasure_id();

    @Message("Show")
    String show_erasure();

    @Message("Erase customer {customer}?")
    String erase_confirm_title(String customer);

    @Message("This cannot be undone.")
    String cannot_be_undone();

    @Message("Erase now")
    String erase_now();

    @Message("Erasure of {customer}")
    String erasure_of(String customer);

    @Message("Waiting for")
    String waiting_for();

    @Message("Confirmations")
    String confirmations();

    @Message("Service")
    String service_name();

    @Message("Records")
    String rows_affected();

    @Message("No confirmation yet.")
    String no_confirmations();

    @Message("Erasure requested; the services confirm it below.")
    String done_erasure_requested();

    @Message("You said, we did")
    String improvements_title();

    @Message("Tell the customers whose feedback led to a change what was done: first a few, then, after checking those messages, everyone.")
    String improvements_help();

    @Message("All teams")
    String all_teams();

    @Message("{#when s}{#is 'draft'}Draft{#is 'published'}Published{#is 'first-batch'}First batch told{#is 'released'}Released to all{#else}{s}{/when}")
    String improvement_stage(String s);

    @Message("Title")
    String improvement_title();

    @Message("No improvement actions yet.")
    String no_improvements();

    @Message("Compose an improvement action")
    String compose_improvement();

    @Message("Optional: the taxonomy path it answers, e.g. delivery/late.")
    String improvement_theme_help();

    @Message("A customer is told in their language, otherwise in English. At most 2,000 characters each.")
    String message_language_help();

    @Message("First batch")
    String first_batch_size();

    @Message("How many customers are told first; the rest after you release it.")
    String first_batch_help();

    @Message("Create the draft")
    String create_draft();

    @Message("Draft created. Link the feedback it answers, check the message, then publish.")
    String done_improvement_created();

    @Message("At most {n} are told before release.")
    String pending_until_release(int n);

    @Message("What customers read")
    String what_customers_read();

    @Message("As written ({language})")
    String message_as_written(String language);

    @Message("No message written.")
    String no_message();

    @Message("Customers whose language has no message get the English one.")
    String message_fallback_help();

    @Message("Link feedback")
    String link_feedback();

    @Message("Count the feedback on a theme in a period first, then link it. Feedback already linked is not linked twice.")
    String link_help();

    @Message("Count")
    String count_feedback();

    @Message("Your role cannot count feedback (the metrics are for analysts and administrators); you can still link it.")
    String count_not_for_role();

    @Message("{n} feedback on {theme} from {from} to {to}.")
    String feedback_counted(Long n, String theme, String from, String to);

    @Message("Link them")
    String link_now();

    @Message("{added} feedback newly linked; {linked} in all.")
    String done_linked(int added, long linked);

    @Message("Tell the customers")
    String announce_steps();

    @Message("Publish…")
    String publish_action();

    @Message("Publishing tells the first {n} linked customers now; the rest wait until you release it.")
    String publish_help(int n);

    @Message("Publish: tell the first {n}")
    String publish_now(int n);

    @Message("Release…")
    String release_action();

    @Message("Check that the first messages went well, then release: everyone else linked is told, in batches.")
    String release_help();

    @Message("Release: tell the other {n}")
    String release_now(long n);

    @Message("Released: everyone linked is told; feedback linked from now on is told too.")
    String released_help();

    @Message("{#when what}{#is 'created'}Created{#is 'updated'}Changed{#is 'requested'}Requested{#is 'completed'}Completed{#is 'confirmed'}Confirmed{#is 'published'}Published{#is 'released'}Released{#else}{what}{/when}")
    String at_label(String what);

    @Message("{#when c}{#is 'linked'}Linked{#is 'announced'}Told{#is 'pending'}Waiting{#else}{c}{/when}")
    String count_label(String c);

    @Message("{#when what}{#is 'saved'}Rule {name} saved: it applies to the next feedback.{#is 'moved'}Rule {name} moved.{#is 'deleted'}Rule {name} deleted.{#else}{name}{/when}")
    String done_rule(String what, String name);

    @Message("{#if dry}Dry run started; its report shows below.{#else}Replay started; its progress shows below.{/if}")
    String done_replay_started(boolean dry);

    @Message("{#when s}{#is 'published'}Published: the first batch is being told.{#is 'released'}Released: everyone linked is being told.{#else}{s}{/when}")
    String done_stage(String s);

    @Message("Case rules hold for every team: leads tune the existing ones, only an administrator adds or deletes them.")
    String global_admin_only();

    @Message("{#when s}{#is 'running'}Running{#is 'completed'}Completed{#is 'failed'}Failed{#is 'pending'}Waiting for confirmations{#else}{s}{/when}")
    String job_status(String s);

    @Message("{#when language}{#is 'en'}Message in English{#is 'ru'}Message in Russian{#else}Message ({language}){/when}")
    String message_in(String language);

    @Message("{#when kind}{#is 'case'}New case rule{#is 'routing'}New routing rule{#else}New rule{/when}")
    String new_rule(String kind);

    @Message("{#when kind}{#is 'routing'}Routing rule{#else}Case rule{/when}")
    String rule_kind(String kind);

    @Message("{#when kind}{#is 'routing'}Routing rules{#else}Case rules{/when}")
    String rules_title(String kind);

    @Message("{#when direction}{#is 'up'}Up{#else}Down{/when}")
    String move(String direction);

    @Message("{#when part}{#is 'changedFields'}Fields changed{#is 'themesAdded'}Themes added{#is 'themesRemoved'}Themes removed{#else}{part}{/when}")
    String report_part(String part);

    @Message("{#if withText}Their contact data and everything they wrote will be erased in every service.{#else}Their contact data will be erased in every service; what they wrote is kept under a pseudonym.{/if}")
    String erase_confirm_text(boolean withText);

    @Message("Name")
    String name_col();

    @Message("Label")
    String label_col();

    @Message("Name")
    String person_name();

    @Message("SLA policies hold for every team: only an administrator changes them.")
    String sla_admin_only();

    @Message("New team")
    String new_team();

    @Message("Id (letters, digits, dashes; optional)")
    String team_id();

    @Message("Working days")
    String work_days();

    @Message("{#when d}{#is 'MON'}Mon{#is 'TUE'}Tue{#is 'WED'}Wed{#is 'THU'}Thu{#is 'FRI'}Fri{#is 'SAT'}Sat{#is 'SUN'}Sun{#else}{d}{/when}")
    String week_day(String d);

    @Message("{#if which == 'start'}Work starts{#else}Work ends{/if}")
    String work_time(String which);

    @Message("Team {name} added.")
    String done_team_added(String name);
}
