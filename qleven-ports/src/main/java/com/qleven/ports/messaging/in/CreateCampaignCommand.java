package com.qleven.ports.messaging.in;

import com.qleven.domain.messaging.Campaign;
import com.qleven.domain.messaging.CampaignSegment;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.shared.ValidationException;

/**
 * A new campaign: its name (1 to 120 characters), the center's MARKETING template to send, and the
 * segment of clients it goes to (at least one criterion). Bad members are named ({@code name},
 * {@code templateId}, {@code segment.<field>}).
 */
public record CreateCampaignCommand(String name, TemplateId templateId, CampaignSegment segment) {
    public CreateCampaignCommand {
        name = Campaign.validName(name);
        if (templateId == null) {
            throw new ValidationException("templateId", "is required");
        }
        if (segment == null) {
            throw new ValidationException("segment", "is required");
        }
        segment.requireCriterion();
    }
}
