import { ConverseCommand, type BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { GoogleGenerativeAI, SchemaType, type ResponseSchema } from "@google/generative-ai";
import { NOVA_TOOL_USE_FIELDS } from "./bedrock";
import { EXPLAIN_SYSTEM, explainMessage, explanationJsonSchema, type Explainer } from "./explain";

const TOOL = "record_explanations";

export function createBedrockExplainer(client: BedrockRuntimeClient, modelId: string): Explainer {
  return {
    name: "bedrock",
    modelId,
    async explain(items, signal) {
      const output = await client.send(
        new ConverseCommand({
          modelId,
          system: [{ text: EXPLAIN_SYSTEM }],
          messages: [{ role: "user", content: [{ text: explainMessage(items) }] }],
          inferenceConfig: { temperature: 0, maxTokens: 1_500 },
          additionalModelRequestFields: NOVA_TOOL_USE_FIELDS,
          toolConfig: {
            tools: [
              {
                toolSpec: {
                  name: TOOL,
                  description: "Record one explanation per item.",
                  inputSchema: { json: explanationJsonSchema },
                },
              },
            ],
            toolChoice: { tool: { name: TOOL } },
          },
        }),
        { abortSignal: signal },
      );
      return output.output?.message?.content?.find((c) => c.toolUse?.name === TOOL)?.toolUse?.input;
    },
  };
}

const geminiSchema: ResponseSchema = {
  type: SchemaType.OBJECT,
  properties: {
    explanations: {
      type: SchemaType.ARRAY,
      items: {
        type: SchemaType.OBJECT,
        properties: { id: { type: SchemaType.STRING }, text: { type: SchemaType.STRING } },
        required: ["id", "text"],
      },
    },
  },
  required: ["explanations"],
};

export function createGeminiExplainer(options: {
  apiKey: string;
  baseUrl?: string;
  modelId: string;
}): Explainer {
  const model = new GoogleGenerativeAI(options.apiKey).getGenerativeModel(
    {
      model: options.modelId,
      systemInstruction: EXPLAIN_SYSTEM,
      generationConfig: {
        temperature: 0,
        maxOutputTokens: 1_500,
        responseMimeType: "application/json",
        responseSchema: geminiSchema,
      },
    },
    options.baseUrl ? { baseUrl: options.baseUrl } : undefined,
  );
  return {
    name: "gemini",
    modelId: options.modelId,
    async explain(items, signal) {
      const result = await model.generateContent(explainMessage(items), { signal });
      return result.response.text();
    },
  };
}
